using Qunyun.Engine.Channels;

namespace Qunyun.Features.Connectors;

/// <summary>
/// A platform's console pieces: <see cref="Setup"/> is the guided setup the add-channel dialog shows for the platform
/// (a component with parameters <c>ChannelKind Kind</c>, <c>EventCallback Started</c> — raise it once the channel
/// exists, so the platform can no longer be switched — and <c>EventCallback&lt;string&gt; Done</c> with the new
/// channel's name); <see cref="Panel"/>
/// sits under the channel list and shows the platform's channels in detail. A platform without one gets the plain
/// name-and-secret form.
/// </summary>
public sealed record ChannelPlatformUi(ChannelKind Kind, Type? Setup, Type? Panel);

public static class ChannelPlatformUiSetup
{
    public static IServiceCollection AddChannelPlatformUi(this IServiceCollection services, ChannelKind kind, Type? setup, Type? panel) =>
        services.AddSingleton(new ChannelPlatformUi(kind, setup, panel));

    public static ChannelPlatformUi? For(this IEnumerable<ChannelPlatformUi> platforms, ChannelKind kind) => platforms.FirstOrDefault(p => p.Kind == kind);
}
