using System.Security.Cryptography;
using Qunyun.Api;

namespace Qunyun.Features.LiveCodes;

/// <summary>Limits and checks of pools and scans, shared by the API and the console.</summary>
public static class LiveCodeRules
{
    public const int MaxName = 100;
    public const int MaxText = 1000;
    public const int MaxUrl = 500;
    public const int MaxTag = 64;
    public const int MaxGroups = 50;
    public const int MaxLeadDays = 60;
    public const int MaxQrBytes = 1024 * 1024;

    public static FieldErrors Check(PoolRequest request)
    {
        var errors = new FieldErrors()
            .AddIf(string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > MaxName, "Name", $"Between 1 and {MaxName} characters.")
            .AddIf(request.Purpose is { Length: > MaxText }, "Purpose", $"At most {MaxText} characters.")
            .AddIf(request.Rules is { Length: > MaxText }, "Rules", $"At most {MaxText} characters.")
            .AddIf(request.AlertLeadDays is < 0 or > MaxLeadDays, "AlertLeadDays", $"0–{MaxLeadDays} days.");
        if (request.Groups is not { Count: > 0 and <= MaxGroups } groups)
        {
            return errors.Add("Groups", $"A pool needs 1 to {MaxGroups} groups.");
        }

        if (groups.IndexOf(null!) is var missing and >= 0)
        {
            return errors.Add($"Groups[{missing}]", "Each entry names a group.");
        }

        errors.AddIf(groups.Select(g => g.GroupId).Distinct().Count() != groups.Count, "Groups", "A group can be in a pool only once.");
        for (var i = 0; i < groups.Count; i++)
        {
            errors.AddIf(groups[i].Threshold is < 1, $"Groups[{i}].Threshold", "At least 1 seat, or none for the group's own cap.")
                .AddIf(groups[i].JoinUrl is { Length: > 0 } url && !IsLink(url), $"Groups[{i}].JoinUrl", $"An http(s) link of at most {MaxUrl} characters.");
        }

        return errors;
    }

    public static bool IsLink(string url) =>
        url.Length <= MaxUrl && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    /// <summary>Source and referral tags: short, printable, nothing that could break a page or a query.</summary>
    public static string? Tag(string? value)
    {
        var tag = value?.Trim();
        return string.IsNullOrEmpty(tag) || tag.Length > MaxTag || tag.Any(c => char.IsControl(c) || c is '<' or '>' or '"' or '\'') ? null : tag;
    }

    /// <summary>A random URL-safe key: 16 bytes make a slug nobody guesses.</summary>
    public static string RandomKey(int bytes = 16) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A short code naming a pool group on the platform: lower-case letters and digits (WeCom state ≤ 30).</summary>
    public static string InviteCode() => "lc" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static bool IsSlug(string slug) => slug.Length is > 0 and <= 32 && slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
