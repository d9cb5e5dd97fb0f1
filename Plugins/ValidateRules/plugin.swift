import Foundation
import PackagePlugin

/// `swift package validate-rules [DIR…]`: checks rules folders (default rules/) and prints every
/// problem with file:line:col, a caret and a suggested fix.
@main
struct ValidateRules: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "kaohe-rules")
        let folders = arguments.isEmpty ? [context.package.directoryURL.appending(path: "rules").path(percentEncoded: false)] : arguments
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["validate"] + folders
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("rules are invalid (see above)")
            throw ValidationFailed()
        }
    }

    struct ValidationFailed: Error, CustomStringConvertible {
        var description: String { "validate-rules failed" }
    }
}
