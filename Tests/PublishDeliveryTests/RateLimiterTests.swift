import Testing
@testable import PublishDelivery

@Suite struct RateLimiterTests {
    @Test func busyRepliesHalveTheRateOncePerSpell() async {
        let limiter = RateLimiter(rate: 100)
        await limiter.slowDown()
        await limiter.slowDown()
        await limiter.slowDown()
        let rate = await limiter.rate
        #expect(rate.map { abs($0 - 50) < 0.001 } == true)
    }

    @Test func successesBringTheRateBackUpToTheOneAskedFor() async {
        let limiter = RateLimiter(rate: 100)
        await limiter.slowDown()
        for _ in 0..<20 { await limiter.succeeded() }
        let once = await limiter.rate ?? 0
        #expect(abs(once - 62.5) < 0.001)
        for _ in 0..<400 { await limiter.succeeded() }
        #expect(abs((await limiter.rate ?? 0) - 100) < 0.001)
    }

    @Test func withNoCapASlowDownCapsAndRecoveryLiftsTheCap() async {
        let limiter = RateLimiter(rate: 0)
        #expect(await limiter.rate == nil)
        await limiter.slowDown()
        #expect(await limiter.rate != nil)
        for _ in 0..<2000 { await limiter.succeeded() }
        #expect(await limiter.rate == nil)
    }
}
