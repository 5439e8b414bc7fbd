using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Delivery;

namespace Qunzhu.Core.Tests.Delivery;

public sealed class RateLimitersTests
{
    [Fact]
    public void TryAcquire_TelegramGroupOneEverySecondForAMinute_StopsAtTwentyPerMinute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var limits = new RateLimiters(Options.Create(new DeliveryOptions()), time);
        var action = new OutboundAction { Platform = PlatformKind.Telegram, AccountId = Guid.NewGuid(), ChatId = "-100123", IdempotencyKey = "k" };

        var sent = 0;
        for (var second = 0; second < 60; second++)
        {
            // 1 per second is allowed per chat; the per-minute window must still stop the 21st.
            if (limits.TryAcquire(action, out _)) sent++;
            time.Advance(TimeSpan.FromSeconds(1.01));
        }
        sent.ShouldBe(20);
    }

    [Fact]
    public void TryAcquire_AccountBucketEmpty_GivesTheChatsPlacesBack()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var options = new DeliveryOptions();
        options.RateLimits["Telegram"] = new RateLimit { PerChatPerSecond = 1, PerChatBurst = 1, PerChatPerMinute = 1, PerAccountPerSecond = 1, PerAccountBurst = 1 };
        var limits = new RateLimiters(Options.Create(options), time);
        var account = Guid.NewGuid();
        OutboundAction To(string chat) => new() { Platform = PlatformKind.Telegram, AccountId = account, ChatId = chat, IdempotencyKey = chat };

        limits.TryAcquire(To("a"), out _).ShouldBeTrue();
        limits.TryAcquire(To("b"), out _, out var accountLimited).ShouldBeFalse();
        accountLimited.ShouldBeTrue();
        // Chat b's one place a minute was given back: once the account has room, b goes at once.
        time.Advance(TimeSpan.FromSeconds(1));
        limits.TryAcquire(To("b"), out _).ShouldBeTrue();
    }
}
