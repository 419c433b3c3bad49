using Qunyun.Tests.Connectors.Telegram;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Referrals;

/// <summary>The fake Bot API host with the referral worker off: the tests step the campaigns on the fake clock.</summary>
public sealed class ReferralTelegramApp : IAsyncLifetime
{
    public TelegramApp Inner { get; } = new();

    public async Task InitializeAsync()
    {
        await Inner.InitializeAsync();
        Inner.Host.With("Referrals:RunWorker", "false");
    }

    public Task DisposeAsync() => Inner.DisposeAsync();
}

/// <summary>Pipeline, outbox and referral workers off.</summary>
public sealed class ReferralWorkersOffApp : IAsyncLifetime
{
    public WorkersOffApp Inner { get; } = new();

    public async Task InitializeAsync()
    {
        await Inner.InitializeAsync();
        Inner.Host.With("Referrals:RunWorker", "false");
    }

    public Task DisposeAsync() => Inner.DisposeAsync();
}
