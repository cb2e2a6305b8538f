import Foundation
import NIOSSL
import TestSupport

/// A self-signed certificate and its key, made by `openssl req` for one test.
final class TestCertificate: Sendable {
    private let folder: TemporaryFolder
    /// The PEM file of the certificate, to trust.
    let certificatePath: String
    /// The server's TLS context with this certificate.
    let serverContext: NIOSSLContext

    /// - Parameter subjectAltName: as given to openssl's `-addext`.
    init(subjectAltName: String = "DNS:localhost,IP:127.0.0.1") throws {
        folder = try TemporaryFolder([:])
        let certificate = folder.url.appendingPathComponent("cert.pem").path
        let key = folder.url.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                             "-subj", "/CN=localhost", "-addext", "subjectAltName=\(subjectAltName)",
                             "-keyout", key, "-out", certificate]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CertificateError(message: "openssl req exited with \(process.terminationStatus)")
        }
        certificatePath = certificate
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
        serverContext = try NIOSSLContext(configuration: configuration)
    }

    struct CertificateError: Error {
        var message: String
    }
}
