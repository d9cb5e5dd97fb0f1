import KaoheCore
import KaoheLedger
import KaoheServer

/// The shell of every page: Chinese, the house style from /assets/kaohe.css (no inline style or
/// script, as the Content-Security-Policy demands), a viewport for phones, a header with the user
/// and 退出.
enum PageLayout {
    static func e(_ text: String) -> String { HTMLReport.escape(text) }

    static func render(title: String, actor: Actor?, body: String) -> String {
        var header = "<header><a class=\"brand\" href=\"/rounds\">机关党建考核</a>"
        if let actor {
            header += "<nav><a href=\"/rounds\">考核轮次</a> <a href=\"/ledger\">整改台账</a> <a href=\"/reports\">月通报</a></nav>"
            header += "<span class=\"who\">\(e(actor.user.name))（\(e(actor.user.roles.map(\.label).joined(separator: "、")))）</span>"
            header += "<form method=\"post\" action=\"/logout\" class=\"inline\">\(csrfField(actor))<button type=\"submit\">退出</button></form>"
        }
        header += "</header>"
        return """
            <!DOCTYPE html>
            <html lang="zh-Hans">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title)) — 机关党建考核</title>
            <link rel="stylesheet" href="/assets/kaohe.css">
            </head>
            <body>
            \(header)
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    static func csrfField(_ actor: Actor) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(e(actor.session.csrf))\">"
    }

    /// The house style plus what pages need: a header, forms a finger can use, tables that scroll
    /// on a phone.
    static let css = HTMLPage.style() + """

        header { display: flex; flex-wrap: wrap; gap: 1em; align-items: center; border-bottom: 1px solid #ddd; padding-bottom: .5em; }
        header .brand { font-weight: bold; color: #b22222; text-decoration: none; }
        header .who { margin-left: auto; }
        header nav a { margin-right: .8em; }
        .filters label, .filters select, .filters input { display: inline-block; width: auto; margin-right: .5em; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3em 1em; }
        dl.facts dt { color: #555; } dl.facts dd { margin: 0; }
        form.inline, label.inline { display: inline; }
        label { display: block; margin: .6em 0 .2em; }
        input, select, textarea, button { font: inherit; padding: .4em .6em; }
        input[type=text], input[type=password], textarea { width: 100%; max-width: 40em; box-sizing: border-box; }
        textarea { min-height: 24em; font-family: monospace; }
        textarea.short { min-height: 5em; font-family: inherit; }
        input.points { width: 8em; font-size: 1.2em; }
        fieldset.choices label { display: block; margin: 0; padding: .45em 0; }
        .score-big { font-size: 1.3em; font-weight: bold; }
        button { cursor: pointer; border: 1px solid #b22222; background: #fff; color: #b22222; border-radius: 3px; }
        button.primary { background: #b22222; color: #fff; }
        :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
        .error { color: #b22222; }
        .diagnostics li { margin: .3em 0; }
        fieldset { border: 1px solid #ddd; margin: 1em 0; padding: .5em 1em; min-width: 0; }
        legend { font-weight: bold; }
        .item h3 { font-size: 1em; margin: 1em 0 .3em; }
        .field { margin: .4em 0; }
        .field-error { display: block; color: #b22222; }
        .records td input, .records td select { width: 100%; min-width: 7em; box-sizing: border-box; }
        .status { white-space: nowrap; }
        .table-wrap { overflow-x: auto; }
        svg { max-width: 100%; height: auto; }
        @media (max-width: 600px) {
          body { margin: .8em; } th, td { padding: .25em .3em; }
          main table { display: block; overflow-x: auto; }
          main td { min-width: 3.5em; } main td:last-child { min-width: 14em; }
        }
        @media print { header, form, button, .exports { display: none; } body { margin: 0; } main { max-width: none; } }
        """ + "\n" + OfficialNotice.css
}
