import ArgumentParser
import KaoheCore
import KaoheServer

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "The web service's accounts: add, list, set a password, disable.",
        subcommands: [UsersAdd.self, UsersList.self, UsersPasswd.self, UsersDisable.self])
}

struct UsersAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user; the password is read from standard input.")

    @OptionGroup var options: ServerOptions

    @Option(help: "The user's sign-in id.")
    var id: String

    @Option(help: "The user's name, as pages show it.")
    var name: String

    @Option(help: ArgumentHelp("Roles: admin, unit, assessor, verifier, juror (comma-separated).", valueName: "role[,role]"))
    var role: String

    @Option(help: "The unit a unit user fills in for.")
    var unit: String?

    func validate() throws {
        if Role.parse(list: role) == nil { throw ValidationError("--role takes admin, unit, assessor, verifier or juror, comma-separated; not '\(role)'") }
    }

    func run() throws {
        let user = User(id: id, name: name, roles: Role.parse(list: role) ?? [], unit: unit)
        let password = try readPassword()
        let service = try options.service()
        try serving { () throws(ServiceError) in try service.addUser(user, password: password, by: "kaohe users") }
        Console.out("added \(id) (\(user.roles.map(\.label).joined(separator: "、")))\n")
    }
}

struct UsersList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users.")

    @OptionGroup var options: ServerOptions

    func run() throws {
        let service = try options.service()
        let users = try serving { () throws(ServiceError) in try service.store.users() }
        var table = TextTable(headers: ["账号", "姓名", "角色", "单位", "状态"])
        for u in users { table.add([u.id, u.name, u.roles.map(\.label).joined(separator: "、"), u.unit ?? "", u.disabled ? "已停用" : "正常"]) }
        Console.out(table.render() + "\(users.count) 个账号\n")
    }
}

struct UsersPasswd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password (from standard input); their sessions end.")

    @OptionGroup var options: ServerOptions

    @Argument(help: "The user's id.")
    var id: String

    func run() throws {
        let password = try readPassword()
        let service = try options.service()
        try serving { () throws(ServiceError) in try service.setPassword(id, password: password, by: "kaohe users") }
        Console.out("password of \(id) set\n")
    }
}

struct UsersDisable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user; their sessions end.")

    @OptionGroup var options: ServerOptions

    @Argument(help: "The user's id.")
    var id: String

    func run() throws {
        let service = try options.service()
        try serving { () throws(ServiceError) in try service.disable(id, by: "kaohe users") }
        Console.out("\(id) disabled\n")
    }
}
