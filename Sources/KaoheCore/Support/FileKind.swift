import Foundation

/// What is at a path, checked before opening it: opening a named pipe or a device blocks or
/// never ends, so only regular files (and folders, where a folder is allowed) are read.
package enum FileKind: Sendable, Equatable {
    case regular(size: Int)
    case folder
    case other
    case missing

    package init(at path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let type = attributes[.type] as? FileAttributeType else {
            self = .missing
            return
        }
        switch type {
        case .typeRegular: self = .regular(size: (attributes[.size] as? Int) ?? 0)
        case .typeDirectory: self = .folder
        case .typeSymbolicLink:
            // attributesOfItem does not follow a symlink; resolve one level at a time (a loop ends as missing).
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            self = resolved == path ? .missing : FileKind(at: resolved)
        default: self = .other
        }
    }

    /// The diagnostic for a path where a file is needed, or nil when it is a regular file.
    package static func problemReadingFile(at path: String) -> String? {
        switch FileKind(at: path) {
        case .regular: return nil
        case .folder: return "expected a file, found a folder"
        case .other: return "not a regular file (a pipe, socket or device); Kaohe reads only files"
        case .missing: return "file not found (or a symbolic link that leads nowhere)"
        }
    }
}
