internal import CYaml

/// Builds located `YAMLNode`s straight from libyaml's events, so that what Kaohe reads is
/// exactly what libyaml reads: nothing guesses at YAML structure from the raw text.
///
/// On top of libyaml it enforces what Kaohe files never need and what could hurt: a mapping key
/// must be a scalar (not a list, a mapping or an alias), tags are refused, keys are unique (every
/// duplicate is reported, not just the first), nesting is capped, and aliases are counted by the
/// nodes they expand to, so that an alias bomb stops at a budget instead of exhausting memory.
struct YAMLComposer {
    let path: String
    let text: String
    let limits: YAMLReader.Limits

    /// The documents of `text`; nil when any problem was recorded in `diagnostics`.
    func compose(diagnostics: inout Diagnostics) -> [YAMLNode]? {
        // A final NUL that libyaml is not given: the buffer is never empty (libyaml asserts a
        // non-null input) and ends where the text does.
        let bytes = Array(text.utf8) + [0]
        return bytes.withUnsafeBufferPointer { buffer -> [YAMLNode]? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                diagnostics.error(SourceLocation(file: path, line: 1, column: 1), "cannot start the YAML parser (out of memory?)")
                return nil
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var state = State(composer: self, end: TextEnd(text))
            let documents = state.stream(&parser)
            for problem in state.problems { diagnostics.append(problem) }
            return state.problems.isEmpty ? documents : nil
        }
    }

    /// The composition under way: anchors seen so far, the node budget, what went wrong.
    private struct State {
        let composer: YAMLComposer
        let end: TextEnd
        var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        var budget: Int
        var usedAliases = false
        var problems: [Diagnostic] = []
        /// Set by a problem that stops composing (a syntax error, the budget, the nesting cap).
        var stopped = false

        init(composer: YAMLComposer, end: TextEnd) {
            self.composer = composer
            self.end = end
            budget = composer.limits.maxNodes
        }

        mutating func stream(_ parser: inout yaml_parser_t) -> [YAMLNode] {
            var documents: [YAMLNode] = []
            while !stopped {
                guard let event = next(&parser) else { break }
                defer { release(event) }
                switch event.pointee.type {
                case YAML_DOCUMENT_START_EVENT:
                    anchors = [:]
                    guard let root = next(&parser) else { return documents }
                    defer { release(root) }
                    var size = 0
                    guard let node = node(from: root, parser: &parser, depth: 0, size: &size) else { return documents }
                    documents.append(node)
                case YAML_STREAM_END_EVENT:
                    return documents
                default:
                    // Stream start, document end.
                    continue
                }
            }
            return documents
        }

        /// The next event, or nil after recording libyaml's error. Release it with `release`.
        mutating func next(_ parser: inout yaml_parser_t) -> UnsafeMutablePointer<yaml_event_t>? {
            let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
            event.initialize(to: yaml_event_t())
            guard yaml_parser_parse(&parser, event) == 1 else {
                event.deallocate()
                problems.append(YAMLErrorTranslator.diagnostic(for: LibYAMLError(parser), path: composer.path, text: composer.text))
                stopped = true
                return nil
            }
            return event
        }

        func release(_ event: UnsafeMutablePointer<yaml_event_t>) {
            yaml_event_delete(event)
            event.deallocate()
        }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            let (line, column) = end.clamp(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            return SourceLocation(file: composer.path, line: line, column: column)
        }

        mutating func stop(_ location: SourceLocation, _ message: String, help: String? = nil) {
            problems.append(Diagnostic(.error, at: location, message, help: help))
            stopped = true
        }

        /// The node an event starts; `size` grows by the nodes it holds (aliases expanded).
        mutating func node(from event: UnsafeMutablePointer<yaml_event_t>, parser: inout yaml_parser_t,
                           depth: Int, size: inout Int) -> YAMLNode? {
            let at = location(event.pointee.start_mark)
            if depth > composer.limits.maxDepth {
                stop(at, "nesting deeper than \(composer.limits.maxDepth) levels",
                     help: "a rules file never needs this; check the file is what you meant to load")
                return nil
            }
            switch event.pointee.type {
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.pointee.data.alias.anchor) ?? ""
                guard let anchored = anchors[name] else {
                    stop(at, "the alias '*\(name)' names no anchor '&\(name)' before it", help: "define '&\(name)' on the value first, or write the value out")
                    return nil
                }
                if !usedAliases {
                    // A file that uses aliases gets a tighter budget, so an alias bomb is refused quickly.
                    usedAliases = true
                    budget -= composer.limits.maxNodes - min(composer.limits.maxNodes, composer.limits.maxNodesWithAliases)
                }
                return spend(anchored.size, at: at, size: &size) ? anchored.node : nil
            case YAML_SCALAR_EVENT:
                let scalar = event.pointee.data.scalar
                if let tag = Self.string(scalar.tag) { refuseTag(tag, at: at) }
                guard spend(1, at: at, size: &size) else { return nil }
                let value = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                let node = YAMLNode(.scalar(value, Self.style(scalar.style)), at: at)
                if let anchor = Self.string(scalar.anchor) { anchors[anchor] = (node, 1) }
                return node
            case YAML_SEQUENCE_START_EVENT:
                let start = event.pointee.data.sequence_start
                if let tag = Self.string(start.tag) { refuseTag(tag, at: at) }
                guard spend(1, at: at, size: &size) else { return nil }
                var inner = 1
                var items: [YAMLNode] = []
                while true {
                    guard let child = next(&parser) else { return nil }
                    defer { release(child) }
                    if child.pointee.type == YAML_SEQUENCE_END_EVENT { break }
                    guard let item = node(from: child, parser: &parser, depth: depth + 1, size: &inner) else { return nil }
                    items.append(item)
                }
                size += inner - 1
                let node = YAMLNode(.sequence(items), at: at)
                if let anchor = Self.string(start.anchor) { anchors[anchor] = (node, inner) }
                return node
            case YAML_MAPPING_START_EVENT:
                let start = event.pointee.data.mapping_start
                if let tag = Self.string(start.tag) { refuseTag(tag, at: at) }
                guard spend(1, at: at, size: &size) else { return nil }
                var inner = 1
                var pairs: [YAMLNode.Pair] = []
                var seen: [String: SourceLocation] = [:]
                while true {
                    guard let keyEvent = next(&parser) else { return nil }
                    defer { release(keyEvent) }
                    if keyEvent.pointee.type == YAML_MAPPING_END_EVENT { break }
                    let keyAt = location(keyEvent.pointee.start_mark)
                    let simple = keyEvent.pointee.type == YAML_SCALAR_EVENT
                    if !simple {
                        let what = keyEvent.pointee.type == YAML_ALIAS_EVENT ? "an alias" : keyEvent.pointee.type == YAML_SEQUENCE_START_EVENT ? "a list" : "a mapping"
                        // Refused before it is built: comparing such keys is where an alias bomb would expand.
                        stop(keyAt, "\(what) used as a mapping key is not allowed in Kaohe files", help: "keys are plain names, like 'points:'")
                        return nil
                    }
                    guard let key = node(from: keyEvent, parser: &parser, depth: depth + 1, size: &inner) else { return nil }
                    guard let valueEvent = next(&parser) else { return nil }
                    defer { release(valueEvent) }
                    guard let value = node(from: valueEvent, parser: &parser, depth: depth + 1, size: &inner) else { return nil }
                    let name = key.scalar ?? ""
                    if let first = seen[name] {
                        problems.append(Self.duplicate(name, at: key.tokenLocation, first: first))
                    } else {
                        seen[name] = key.tokenLocation
                    }
                    pairs.append(YAMLNode.Pair(key: key, value: value))
                }
                size += inner - 1
                let node = YAMLNode(.mapping(pairs), at: at)
                if let anchor = Self.string(start.anchor) { anchors[anchor] = (node, inner) }
                return node
            default:
                stop(at, "unexpected YAML event \(event.pointee.type.rawValue)")
                return nil
            }
        }

        /// Takes `count` nodes off the budget; false (and a problem) when it runs out.
        mutating func spend(_ count: Int, at: SourceLocation, size: inout Int) -> Bool {
            budget -= count
            size += count
            guard budget >= 0 else {
                let limit = usedAliases ? min(composer.limits.maxNodes, composer.limits.maxNodesWithAliases) : composer.limits.maxNodes
                stop(at, "document expands to more than \(limit) nodes\(usedAliases ? " (an alias bomb?)" : ""); refusing to load it")
                return false
            }
            return true
        }

        mutating func refuseTag(_ tag: String, at: SourceLocation) {
            let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
            problems.append(Diagnostic(.error, at: at, "YAML tags ('\(shown)') are not used in Kaohe files",
                                       help: "remove the tag: each value is read as the type its key declares"))
        }

        static func duplicate(_ key: String, at: SourceLocation, first: SourceLocation) -> Diagnostic {
            Diagnostic(.error, at: at, "duplicate key '\(key)' in the same mapping",
                       help: "keep one of them: YAML does not allow a key twice, and Kaohe will not guess which one you meant",
                       notes: [.init(location: first, message: "'\(key)' first given here")])
        }

        static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: return .literal
            case YAML_FOLDED_SCALAR_STYLE: return .folded
            default: return .plain
            }
        }
    }
}

/// libyaml's error, as its parser reports it.
struct LibYAMLError {
    enum Kind { case reader, scanner, parser, other }
    struct Mark { var line: Int; var column: Int }

    var kind: Kind
    var problem: String
    var mark: Mark
    var context: (text: String, mark: Mark)?
    /// For reader errors: the byte offset of the problem.
    var offset: Int?

    init(kind: Kind, problem: String, mark: Mark, context: (text: String, mark: Mark)? = nil, offset: Int? = nil) {
        self.kind = kind
        self.problem = problem
        self.mark = mark
        self.context = context
        self.offset = offset
    }

    init(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        let context = parser.context.map { (String(cString: $0), Mark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)) }
        switch parser.error {
        case YAML_READER_ERROR: self.init(kind: .reader, problem: problem, mark: mark, offset: Int(parser.problem_offset))
        case YAML_SCANNER_ERROR: self.init(kind: .scanner, problem: problem, mark: mark, context: context)
        case YAML_PARSER_ERROR: self.init(kind: .parser, problem: problem, mark: mark, context: context)
        default: self.init(kind: .other, problem: problem, mark: mark, context: context)
        }
    }
}
