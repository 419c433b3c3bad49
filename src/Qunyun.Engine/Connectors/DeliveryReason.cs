using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qunyun.Engine.Connectors;

/// <summary>
/// Why an action did not go out (yet): a <see cref="Code"/> of <see cref="DeliveryReasons"/> and its arguments, so the
/// console can word it in the operator's language; <see cref="Text"/> is the English line the API and the logs show.
/// Arguments are data (names, ids, the platform's own words), never sentences of ours.
/// </summary>
public sealed record DeliveryReason(string Code, IReadOnlyList<string> Args)
{
    private const int MaxArgLength = 500;
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Text => DeliveryReasons.English(this);

    /// <summary>The stored form: a JSON array, the code first (<c>["no_connector","Discord"]</c>).</summary>
    public string Store() => JsonSerializer.Serialize(Args.Select(a => a.Length > MaxArgLength ? a[..MaxArgLength] : a).Prepend(Code), Json);

    /// <summary>The reason a stored form holds; null for rows written before reasons had codes (their text is all there is).</summary>
    public static DeliveryReason? Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(stored) is [{ Length: > 0 } code, .. var args] ? new DeliveryReason(code, args) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool Equals(DeliveryReason? other) => other is not null && Code == other.Code && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Args.Aggregate(Code.GetHashCode(StringComparison.Ordinal), HashCode.Combine);

    public override string ToString() => Text;

    internal static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The reason codes connectors and the dispatcher report, with their arguments in order.</summary>
public static class DeliveryReasons
{
    /// <summary>The outbox row's channel was deleted.</summary>
    public const string ChannelGone = "channel_gone";

    /// <summary>(channel kind) no connector is registered for the kind; the row waits.</summary>
    public const string NoConnector = "no_connector";

    /// <summary>(channel name) the channel is disabled; its actions wait until it is enabled again.</summary>
    public const string ChannelDisabled = "channel_disabled";

    /// <summary>(action) the row's action is not in the catalogue.</summary>
    public const string UnknownAction = "unknown_action";

    /// <summary>(field, detail) the payload cannot be read.</summary>
    public const string Malformed = "malformed";

    /// <summary>(channel kind, channel name, action) the channel's connector cannot do the action.</summary>
    public const string Cannot = "cannot";

    /// <summary>(channel name) a webhook channel without an outbound URL.</summary>
    public const string NoOutboundUrl = "no_outbound_url";

    /// <summary>(channel name) a webhook channel without a shared secret.</summary>
    public const string NoSecret = "no_secret";

    /// <summary>A bot channel without a token.</summary>
    public const string NoToken = "no_token";

    /// <summary>(id) the group id is not a chat id of the platform.</summary>
    public const string NotChatId = "not_chat_id";

    /// <summary>(id) the event id is not a message id of the platform.</summary>
    public const string NotMessageId = "not_message_id";

    /// <summary>(detail) the network failed.</summary>
    public const string Network = "network";

    /// <summary>The platform or bridge did not answer in time.</summary>
    public const string Timeout = "timeout";

    /// <summary>(status, body) an HTTP answer other than success.</summary>
    public const string Http = "http";

    /// <summary>(detail) the platform's own words (a Bot API error description).</summary>
    public const string Platform = "platform";

    /// <summary>(type, detail) the connector failed unexpectedly.</summary>
    public const string Exception = "exception";

    /// <summary>(channel name) a WeCom channel without valid credentials.</summary>
    public const string WeComNoCredentials = "wecom_no_credentials";

    /// <summary>(errcode, errmsg) WeCom refused the call.</summary>
    public const string WeComRefused = "wecom_refused";

    /// <summary>(customer) WeCom allows one mass message per customer per day; this one already had it.</summary>
    public const string WeComCustomerDailyCap = "wecom_customer_daily_cap";

    /// <summary>(group, limit) WeCom allows a customer group as many mass messages per month as the month has days.</summary>
    public const string WeComGroupMonthlyCap = "wecom_group_monthly_cap";

    /// <summary>(action) WeCom's API cannot do this in customer groups; a staff task was created instead.</summary>
    public const string WeComStaffTask = "wecom_staff_task";

    public static DeliveryReason Of(string code, params string[] args) => new(code, args);

    public static DeliveryReason HttpAnswer(int status, string body) => Of(Http, DeliveryReason.Of(status), body);

    /// <summary>The English line, for the API's <c>lastError</c> and logs.</summary>
    public static string English(DeliveryReason reason)
    {
        var a = reason.Args;
        string Arg(int i) => i < a.Count ? a[i] : "";
        return reason.Code switch
        {
            ChannelGone => "The channel no longer exists.",
            NoConnector => $"No connector for {Arg(0)} channels; waiting for one.",
            ChannelDisabled => $"Channel '{Arg(0)}' is disabled; its actions wait until it is enabled again.",
            UnknownAction => $"'{Arg(0)}' is not an action Qunyun knows.",
            Malformed => $"Malformed payload, {Arg(0)}: {Arg(1)}",
            Cannot => $"{Arg(0)} channel '{Arg(1)}' cannot {Arg(2)}.",
            NoOutboundUrl => $"Webhook channel '{Arg(0)}' has no outbound URL; set one on the channel.",
            NoSecret => $"Webhook channel '{Arg(0)}' has no shared secret; set one on the channel.",
            NoToken => "The channel has no bot token.",
            NotChatId => $"'{Arg(0)}' is not a chat id of the platform.",
            NotMessageId => $"'{Arg(0)}' is not a message id of the platform.",
            Network => $"Network: {Arg(0)}",
            Timeout => "Timed out waiting for the platform.",
            Http => Arg(1).Length > 0 ? $"HTTP {Arg(0)}: {Arg(1)}" : $"HTTP {Arg(0)}",
            Platform => Arg(0),
            Exception => $"{Arg(0)}: {Arg(1)}",
            WeComNoCredentials => $"WeCom channel '{Arg(0)}' has no valid credentials; set them on the channel.",
            WeComRefused => $"WeCom refused ({Arg(0)}): {Arg(1)}",
            WeComCustomerDailyCap => $"WeCom allows one mass message per customer per day; customer {Arg(0)} already had today's.",
            WeComGroupMonthlyCap => $"WeCom allows a customer group {Arg(1)} mass messages this month; group {Arg(0)} had them all.",
            WeComStaffTask => $"WeCom's API cannot {Arg(0)} in customer groups; a staff task was created for it.",
            _ => string.Join(": ", a.Prepend(reason.Code)),
        };
    }
}
