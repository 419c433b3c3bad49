using Microsoft.Extensions.Localization;
using Qunyun.Localization;

namespace Qunyun.Features.LiveCodes.Pages;

/// <summary>The API's field errors in the operator's words: each field has its own sentence.</summary>
internal static class LiveCodeErrors
{
    public static string Word(IStringLocalizer<Strings> strings, string field) => field switch
    {
        "Name" => strings["LiveCode.Error.Name"],
        "Purpose" or "Rules" => strings["LiveCode.Error.Text"],
        "AlertLeadDays" => strings["LiveCode.Error.LeadDays"],
        "Groups" => strings["LiveCode.Error.Groups"],
        "Image" => strings["LiveCode.Error.Image"],
        "ExpiresAt" => strings["LiveCode.Error.ExpiresAt"],
        "GroupId" => strings["LiveCode.Error.InviteLink"],
        _ when field.EndsWith(".Threshold", StringComparison.Ordinal) => strings["LiveCode.Error.Threshold"],
        _ when field.EndsWith(".JoinUrl", StringComparison.Ordinal) => strings["LiveCode.Error.JoinUrl"],
        _ => strings["LiveCode.Error.Group"],
    };
}
