import NIOSSL

/// The client TLS context: the system's trust roots plus the PEM files a
/// user named, TLS 1.2 or later, certificates and host names verified.
enum SMTPTLSContext {
    /// Throws `SMTPError.configuration` when a file cannot be read or holds
    /// no certificate.
    static func make(trusting files: [String]) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        var certificates: [NIOSSLCertificate] = []
        for file in files {
            let loaded: [NIOSSLCertificate]
            do {
                loaded = try NIOSSLCertificate.fromPEMFile(file)
            } catch {
                throw SMTPError.configuration("The trusted certificates in \(file) cannot be read: \(error).")
            }
            guard !loaded.isEmpty else {
                throw SMTPError.configuration("The file \(file), named as trusted certificates, holds no PEM certificate.")
            }
            certificates += loaded
        }
        if !certificates.isEmpty {
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPError.configuration("TLS cannot be set up: \(error).")
        }
    }
}
