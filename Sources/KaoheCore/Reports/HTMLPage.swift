/// The shell every HTML report shares: one self-contained page (no scripts, no network), Chinese
/// fonts, the house colours, and print settings.
public enum HTMLPage {
    /// A complete HTML page around `body`, with the shared style (and `extraStyle` after it) and
    /// no outside resources.
    public static func render(title: String, body: String, landscape: Bool = false, extraStyle: String = "") -> String {
        let css = style(landscape: landscape) + (extraStyle.isEmpty ? "" : "\n" + extraStyle)
        return """
        <!DOCTYPE html>
        <html lang="zh-Hans">
        <head>
        <meta charset="utf-8">
        <title>\(HTMLReport.escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// The house style: embedded in reports, served as /assets/kaohe.css by the web service.
    package static func style(landscape: Bool = false) -> String {
        """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
        h1 { font-size: 1.5em; border-bottom: 2px solid #b22222; padding-bottom: .3em; }
        h2 { font-size: 1.2em; margin-top: 1.5em; }
        table { border-collapse: collapse; margin: .5em 0 1em; width: 100%; }
        th, td { border: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; white-space: nowrap; }
        td.num { text-align: right; white-space: nowrap; }
        td.tag { white-space: nowrap; }
        .summary { font-size: 1.1em; }
        .veto, .note { color: #b22222; }
        .veto { font-weight: bold; }
        section.unit { page-break-before: always; }
        section.unit:first-of-type { page-break-before: auto; }
        @media print { body { margin: 1cm; } @page { size: A4\(landscape ? " landscape" : ""); } h2 { page-break-after: avoid; } }
        """
    }
}
