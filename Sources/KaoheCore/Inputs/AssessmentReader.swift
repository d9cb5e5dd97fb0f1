import Foundation

/// Reads self-assessments: YAML or JSON files, folders of them (recursively, in a stable
/// order), and JSON Lines files (`.jsonl`, one document a line, each error at its line).
package struct AssessmentReader: Sendable {
    package var reader = YAMLReader()
    package static let maxBatchBytes = 1 << 30

    package init() {}

    /// One input document with where it came from.
    package struct Document: Sendable {
        package var node: YAMLNode
        package var source: String

        package init(node: YAMLNode, source: String) {
            self.node = node
            self.source = source
        }
    }

    package func documents(paths: [String], sources: inout SourceStore, diagnostics: inout Diagnostics) -> [Document] {
        var documents: [Document] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.error(SourceLocation(file: path, line: 1, column: 1), "no such file or folder")
                continue
            }
            let files = isDirectory.boolValue ? RuleFiles.find(in: path, diagnostics: &diagnostics) + jsonLines(in: path) : [path]
            for file in files {
                if file.hasSuffix(".jsonl") || file.hasSuffix(".ndjson") {
                    documents += readJSONLines(file, sources: &sources, diagnostics: &diagnostics)
                } else {
                    let before = diagnostics.errorCount
                    let nodes = reader.read(path: file, sources: &sources, diagnostics: &diagnostics)
                    if nodes.isEmpty && diagnostics.errorCount == before {
                        diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "the file holds no document (it is empty or only comments)",
                                          help: "fill in the self-assessment; `kaohe template --checklist ID` prints a blank one")
                    }
                    for (index, node) in nodes.enumerated() {
                        documents.append(Document(node: node, source: nodes.count == 1 ? file : "\(file)#\(index + 1)"))
                    }
                }
            }
        }
        return documents
    }

    /// Documents held in memory (a form's draft, score sheets from a database), each placed at
    /// its path for diagnostics.
    package func documents(_ inline: [InlineDocument], sources: inout SourceStore, diagnostics: inout Diagnostics) -> [Document] {
        inline.flatMap { document in
            reader.parse(data: Data(document.text.utf8), path: document.path, sources: &sources, diagnostics: &diagnostics)
                .map { Document(node: $0, source: document.path) }
        }
    }

    func jsonLines(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { folder + "/" + $0 }
    }

    func readJSONLines(_ path: String, sources: inout SourceStore, diagnostics: inout Diagnostics) -> [Document] {
        if let problem = FileKind.problemReadingFile(at: path) {
            diagnostics.error(SourceLocation(file: path, line: 1, column: 1), problem)
            return []
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(SourceLocation(file: path, line: 1, column: 1), "cannot read the file")
            return []
        }
        guard data.count <= Self.maxBatchBytes else {
            diagnostics.error(SourceLocation(file: path, line: 1, column: 1), "batch file is larger than 1 GB; split it")
            return []
        }
        guard var text = reader.decodeUTF8(data, path: path, diagnostics: &diagnostics) else { return [] }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        sources.add(path: path, text: text)
        var documents: [Document] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            guard diagnostics.errorCount < Diagnostics.maxErrorsPerFile else {
                diagnostics.error(SourceLocation(file: path, line: index + 1, column: 1),
                                  "too many errors; stopped reading this file here", help: "is this really a JSON Lines batch of self-assessments?")
                break
            }
            guard first == UInt8(ascii: "{") else {
                diagnostics.error(SourceLocation(file: path, line: index + 1, column: 1), "a JSON Lines file holds one JSON object a line")
                continue
            }
            var parser = JSONNodeParser(text: String(line), path: path, firstLine: index + 1)
            do {
                documents.append(Document(node: try parser.parseDocument(), source: "\(path):\(index + 1)"))
            } catch {
                diagnostics.error(error.location, error.message, help: "each line of a JSON Lines file is one complete JSON object")
            }
        }
        return documents
    }

    /// The `checklist` the first document of a JSON Lines file names (read from its first line
    /// only, so a batch of any size is not read twice).
    package static func checklistID(ofFirstLineOf path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 20)) ?? Data()
        let line = data.prefix(upTo: ByteScan.newline(in: data, from: data.startIndex) ?? data.endIndex)
        guard let text = String(validating: line, as: UTF8.self) else { return nil }
        var parser = JSONNodeParser(text: text, path: path, firstLine: 1)
        guard let node = try? parser.parseDocument() else { return nil }
        return checklistID(of: node)
    }

    /// The `checklist:` a document names, if any (to choose the checklist for a batch).
    package static func checklistID(of node: YAMLNode) -> String? {
        guard case .mapping(let pairs) = node.content else { return nil }
        return pairs.first { $0.key.scalar == "checklist" }?.value.scalar
    }
}
