using System.Text;

namespace Qunyun.Engine.Members;

/// <summary>
/// A phone number reduced to one comparable key, so "+86 138-0013-8000", "0086 13800138000" and "１３８００１３８０００"
/// are the same person. Separators go, full-width digits fold, "00" becomes "+", and an 11-digit number starting with 1
/// (a mainland China mobile, the common case in an SCRM export) gets +86, as does 86 followed by one. Other numbers without a country code keep
/// their digits as they are: they match only when written the same way.
/// </summary>
public static class PhoneNumber
{
    /// <summary>E.164 allows at most 15 digits; fewer than 5 is no phone number.</summary>
    private const int MinDigits = 5;

    private const int MaxDigits = 15;

    /// <summary>The key, or null when the text is not a phone number.</summary>
    public static string? Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = text.Normalize(NormalizationForm.FormKC).Trim();
        var digits = new StringBuilder(folded.Length);
        var international = false;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (!IsSeparator(c))
            {
                return null;
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }

        if (!international && number.Length == 13 && number.StartsWith("861", StringComparison.Ordinal))
        {
            international = true;
        }
        else if (!international && number.Length == 11 && number[0] == '1')
        {
            international = true;
            number = "86" + number;
        }

        return number.Length is < MinDigits or > MaxDigits ? null : international ? "+" + number : number;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00a0' or '\t';
}
