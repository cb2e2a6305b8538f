import Foundation

/// A tiny client for a JSON API, written for a blog post about async/await.
struct Repository: Codable, Identifiable, Hashable {
    let id: Int
    let name: String
    let stars: Int
    var description: String?

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case stars = "stargazers_count"
    }
}

enum APIError: Error, CustomStringConvertible {
    case badStatus(Int)
    case decoding(underlying: Error)

    var description: String {
        switch self {
        case .badStatus(let code):
            return "server answered \(code)"
        case .decoding(let error):
            return "could not decode: \(error.localizedDescription)"
        }
    }
}

final class GitHubClient {
    private let session: URLSession
    private let decoder = JSONDecoder()
    private(set) var requestCount = 0
    static let shared = GitHubClient()

    init(session: URLSession = .shared) {
        self.session = session
        decoder.keyDecodingStrategy = .useDefaultKeys
    }

    func repositories(for user: String, limit: Int = 10) async throws -> [Repository] {
        guard let url = URL(string: "https://api.github.com/users/\(user)/repos?per_page=\(limit)") else {
            return []
        }
        requestCount += 1
        let (data, response) = try await session.data(from: url)
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            throw APIError.badStatus(http.statusCode)
        }
        do {
            return try decoder.decode([Repository].self, from: data)
        } catch {
            throw APIError.decoding(underlying: error)
        }
    }
}

extension Array where Element == Repository {
    var totalStars: Int { reduce(0) { $0 + $1.stars } }

    func top(_ n: Int) -> [Repository] {
        sorted { $0.stars > $1.stars }.prefix(n).map { $0 }
    }
}

protocol Greeter {
    func greet(_ name: String) -> String
}

struct Console: Greeter {
    func greet(_ name: String) -> String { "Hello, \(name)!\n" }
}

@main
struct App {
    static func main() async {
        let client = GitHubClient.shared
        do {
            let repos = try await client.repositories(for: "apple", limit: 50)
            for repo in repos.top(3) {
                let desc = repo.description ?? "no description"
                print("\(repo.name.padding(toLength: 20, withPad: " ", startingAt: 0)) ★\(repo.stars)\t\(desc)")
            }
            let average = Double(repos.totalStars) / Double(max(repos.count, 1))
            print(String(format: "average: %.1f stars", average), "ratio:", 0.5e2, 0x1F, 1_000)
        } catch let error as APIError {
            print("API error: \(error)")
        } catch {
            print("unexpected: \(error)")
        }
        print(Console().greet("reader"), terminator: "")
    }
}
