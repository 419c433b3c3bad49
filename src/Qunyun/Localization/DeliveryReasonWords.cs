using System.Globalization;
using Microsoft.Extensions.Localization;
using Qunyun.Engine.Connectors;

namespace Qunyun.Localization;

/// <summary>Why an action did not go out, in the console's language (<c>OutboxReason.{code}</c>), for the outbox and a channel's health.</summary>
public static class DeliveryReasonWords
{
    /// <summary>The reason worded; <paramref name="fallback"/> (the stored English line) for a code without words.</summary>
    public static string Word(IStringLocalizer<Strings> l, DeliveryReason reason, string? fallback = null)
    {
        var args = reason.Args.Select((arg, i) => (object)(reason.Code, i) switch
        {
            (DeliveryReasons.NoConnector, 0) or (DeliveryReasons.Cannot, 0) => Localized(l, $"ChannelKind.{arg}", arg),
            (DeliveryReasons.Cannot, 2) or (DeliveryReasons.WeComStaffTask, 0) => ActionName(l, arg),
            _ => arg,
        }).ToArray();
        var format = l[$"OutboxReason.{reason.Code}"];
        return format.ResourceNotFound ? fallback ?? reason.Text : string.Format(CultureInfo.CurrentCulture, format, args);
    }

    public static string ActionName(IStringLocalizer<Strings> l, string action) => Localized(l, $"ConnectorAction.{action}", action);

    private static string Localized(IStringLocalizer<Strings> l, string key, string fallback) => l[key] is { ResourceNotFound: false } found ? found.Value : fallback;
}
