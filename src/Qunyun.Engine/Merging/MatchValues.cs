using System.Text;
using PhoneNumbers;

namespace Qunyun.Engine.Merging;

/// <summary>
/// The normal forms two members' verified values are compared in before an automatic merge. A value with no normal
/// form (not an e-mail address, not a possible phone number, blank) never matches anything.
/// </summary>
public static class MatchValues
{
    public const string DefaultPhoneRegion = "CN";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Full-width forms folded (NFKC), trimmed, lower case: "Ａlice@Example.COM " → "alice@example.com".</summary>
    public static string? Email(string? value)
    {
        var folded = Fold(value)?.ToLowerInvariant();
        var at = folded?.IndexOf('@') ?? -1;
        return folded is not null && at > 0 && at < folded.Length - 1 && !folded.Any(char.IsWhiteSpace) ? folded : null;
    }

    /// <summary>
    /// E.164 ("+8613800138000"). A number written with "+" or "00" carries its country code; any other number is read
    /// as a national number of <paramref name="region"/> (ISO 3166 code, e.g. CN), whose trunk prefix is dropped
    /// ("010 1234 5678" → +861012345678) and whose country code is recognised when written without "+" ("86 138…").
    /// Numbers that cannot exist in their country (too short or too long) have no normal form.
    /// </summary>
    public static string? Phone(string? value, string? region = DefaultPhoneRegion)
    {
        var folded = Fold(value);
        if (folded is null || !folded.Any(char.IsAsciiDigit))
        {
            return null;
        }

        var digitsAndPlus = new string(folded.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (digitsAndPlus.StartsWith("00", StringComparison.Ordinal))
        {
            digitsAndPlus = "+" + digitsAndPlus[2..];
        }

        try
        {
            var number = Phones.Parse(digitsAndPlus, IsRegion(region) ? region!.ToUpperInvariant() : DefaultPhoneRegion);
            return Phones.IsPossibleNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Custom attributes (platform union ids…) are opaque and case-sensitive: folded (NFKC) and trimmed only.</summary>
    public static string? Attribute(string? value) => Fold(value);

    /// <summary>Whether <paramref name="region"/> is a region the phone metadata knows (CN, US, HK…).</summary>
    public static bool IsRegion(string? region) =>
        region is { Length: 2 } && Phones.GetSupportedRegions().Contains(region.ToUpperInvariant());

    private static string? Fold(string? value)
    {
        var folded = value?.Normalize(NormalizationForm.FormKC).Trim();
        return string.IsNullOrEmpty(folded) ? null : folded;
    }
}
