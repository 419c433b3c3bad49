using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors;

/// <summary>
/// One thing wrong with a channel's settings: the API answers <see cref="Detail"/> under <see cref="Field"/>; the
/// console words <see cref="Code"/> in its language (resource <c>Channels.Problem.{Code}</c>, <see cref="Argument"/> as {0}).
/// </summary>
public sealed record ChannelProblem(string Field, string Code, string Detail, string? Argument = null);

/// <summary>The checks a channel's name, URL and credentials pass before they are saved, shared by the API and the console.</summary>
public sealed partial class ChannelRules(ConnectorRegistry connectors, OutboundUrlProbe probe)
{
    public async Task<List<ChannelProblem>> CheckAsync(
        QunyunDb db, Guid? id, ChannelKind kind, string? name, string? outboundUrl, CancellationToken cancellationToken)
    {
        var problems = new List<ChannelProblem>();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
        {
            problems.Add(new("Name", "NameLength", "Between 1 and 200 characters."));
        }
        else if (await db.Channels.AnyAsync(c => c.Name == trimmed && c.Id != id, cancellationToken))
        {
            problems.Add(new("Name", "NameTaken", $"A channel named '{trimmed}' already exists; choose another name.", trimmed));
        }

        if (CreateChannel.NormalizeUrl(outboundUrl) is { } url)
        {
            if (kind != ChannelKind.Webhook)
            {
                problems.Add(new("OutboundUrl", "UrlNotWebhook", "Only webhook channels POST actions to a URL."));
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                problems.Add(new("OutboundUrl", "UrlShape", "Use an absolute http:// or https:// URL."));
            }
            else if (await probe.ProblemAsync(url, cancellationToken) is { } unreachable)
            {
                problems.Add(new("OutboundUrl", "UrlUnreachable", unreachable, unreachable));
            }
        }

        return problems;
    }

    /// <summary>The shape of a credential (a Telegram token is "digits:letters"); the platform is not asked.</summary>
    public static ChannelProblem? CheckShape(ChannelKind kind, string? credentials) => kind switch
    {
        _ when string.IsNullOrWhiteSpace(credentials) => null,
        ChannelKind.Telegram when !TelegramToken().IsMatch(credentials.Trim()) =>
            new("Credentials", "TokenShape", "A Telegram bot token looks like 123456789:AAE… (from @BotFather)."),
        ChannelKind.WeCom when WeCom.WeComCredentials.Problems(credentials) is { Count: > 0 } problems =>
            new("Credentials", "WeComShape", string.Join(" ", problems.Values)),
        _ => null,
    };

    /// <summary>Asks the platform about new credentials (Telegram: getMe).</summary>
    public async Task<CredentialCheck> AskPlatformAsync(ChannelKind kind, string credentials, CancellationToken cancellationToken) =>
        connectors.For(kind) is { } connector ? await connector.CheckCredentialsAsync(credentials.Trim(), cancellationToken) : CredentialCheck.Accepted(null);

    public static FieldErrors ToErrors(IEnumerable<ChannelProblem> problems)
    {
        var errors = new FieldErrors();
        foreach (var problem in problems)
        {
            errors.Add(problem.Field, problem.Detail);
        }

        return errors;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{3,}:[A-Za-z0-9_-]{8,}$")]
    private static partial System.Text.RegularExpressions.Regex TelegramToken();
}
