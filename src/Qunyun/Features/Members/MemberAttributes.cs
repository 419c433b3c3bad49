using System.Text.RegularExpressions;
using Qunyun.Api;

namespace Qunyun.Features.Members;

/// <summary>Rules for custom attribute keys and values, shared by the API, the CSV import and the merge.</summary>
public static partial class MemberAttributes
{
    public const int MaxKeyLength = 64;
    public const int MaxValueLength = 500;
    public const int MaxPerMember = 50;

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();

    public static bool IsValidKey(string key) => KeyPattern().IsMatch(key);

    /// <summary>Adds an error per bad key or value under <paramref name="field"/> (e.g. "Attributes[city]").</summary>
    public static void Validate(IReadOnlyDictionary<string, string?>? attributes, FieldErrors errors, string field = "Attributes")
    {
        if (attributes is null)
        {
            return;
        }

        errors.AddIf(attributes.Count > MaxPerMember, field, $"At most {MaxPerMember} attributes per member.");
        foreach (var (key, value) in attributes)
        {
            errors.AddIf(!IsValidKey(key), $"{field}[{key}]",
                "Attribute keys are lower-case letters, digits and '_', starting with a letter, at most 64 characters.");
            errors.AddIf(value is { Length: > MaxValueLength }, $"{field}[{key}]", $"Attribute values are at most {MaxValueLength} characters.");
        }
    }

    /// <summary>
    /// Makes the member's attributes equal to <paramref name="attributes"/> where given: a null or blank value removes
    /// the key, keys not mentioned stay as they are.
    /// </summary>
    public static void Apply(Member member, IReadOnlyDictionary<string, string?>? attributes, DateTime now)
    {
        if (attributes is null)
        {
            return;
        }

        foreach (var (key, raw) in attributes)
        {
            var value = raw?.Trim();
            var existing = member.Attributes.FirstOrDefault(a => a.Key == key);
            if (string.IsNullOrEmpty(value))
            {
                if (existing is not null)
                {
                    member.Attributes.Remove(existing);
                }
            }
            else if (existing is null)
            {
                member.Attributes.Add(new MemberAttribute { MemberId = member.Id, Key = key, Value = value, UpdatedAt = now });
            }
            else if (existing.Value != value)
            {
                existing.Value = value;
                existing.UpdatedAt = now;
            }
        }
    }
}
