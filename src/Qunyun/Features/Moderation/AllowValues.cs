using System.Text.RegularExpressions;

namespace Qunyun.Features.Moderation;

public static partial class AllowValues
{
    public static bool IsDomain(string value) => DomainShape().IsMatch(value.ToLowerInvariant());

    [GeneratedRegex(@"^(?=.{1,200}$)([a-z0-9\u00A1-\uFFFF-]{1,63}\.)+[a-z\u00A1-\uFFFF]{2,63}$")]
    private static partial Regex DomainShape();
}
