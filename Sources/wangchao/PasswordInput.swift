import ArgumentParser
import Foundation
import WangchaoCore
import WangchaoServer
import WangchaoServices

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a new password for `wangchao user`: one line from standard input with
/// `--password-stdin` (for scripts), otherwise typed twice at a terminal without echo. Never
/// from an option, where it would land in the shell history and the process list.
enum PasswordInput {
    static func read(fromStandardInput: Bool) throws -> String {
        let password: String
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true) else { throw ValidationError("标准输入中没有密码") }
            password = line
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw ValidationError("标准输入不是终端：请用 --password-stdin 从标准输入传入密码")
            }
            let first = try prompt("新密码：")
            guard try prompt("再次输入新密码：") == first else { throw ValidationError("两次输入的密码不一致") }
            password = first
        }
        do {
            try PasswordPolicy.validate(password)
        } catch {
            throw ValidationError(error.message)
        }
        return password
    }

    /// Prints `text` and reads one line with terminal echo off.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("没有读到密码") }
        return line
    }
}

/// The cost of new password hashes: `WANGCHAO_SCRYPT` (`ln=15,r=8,p=1`) or the production default.
enum PasswordCost {
    static func fromEnvironment() throws -> ScryptParameters {
        guard let text = ProcessInfo.processInfo.environment["WANGCHAO_SCRYPT"], !text.isEmpty else { return .production }
        guard let parameters = ScryptParameters(text: text) else {
            throw ValidationError("WANGCHAO_SCRYPT 须形如 ln=15,r=8,p=1（ln 1–20，r 1–32，p 1–16）")
        }
        return parameters
    }
}
