using Microsoft.Extensions.Localization;
using Qunyun.Localization;

namespace Qunyun.Features.Connectors.WeCom.Pages;

/// <summary>WeCom's errors in the console's language: known codes in our words, others with WeCom's own message.</summary>
public static class WeComWords
{
    public static string Error(IStringLocalizer<Strings> l, WeComException e) => Error(l, e.Code, e.PlatformMessage);

    public static string Error(IStringLocalizer<Strings> l, int code, string? message) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, l[WeComException.ResourceKeyOf(code)], code, message);
}
