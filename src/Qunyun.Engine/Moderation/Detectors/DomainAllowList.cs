namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>Domains whose links are fine; a listed domain allows its subdomains too (example.com allows www.example.com).</summary>
public sealed class DomainAllowList
{
    private readonly HashSet<string> _domains;

    public DomainAllowList(IEnumerable<string> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        _domains = new HashSet<string>(domains.Select(Normalize).Where(d => d.Length > 0), StringComparer.Ordinal);
    }

    public static DomainAllowList None { get; } = new([]);

    public IReadOnlyCollection<string> Domains => _domains;

    public bool Allows(string host)
    {
        var candidate = Normalize(host);
        while (candidate.Length > 0)
        {
            if (_domains.Contains(candidate))
            {
                return true;
            }

            var dot = candidate.IndexOf('.');
            candidate = dot < 0 ? "" : candidate[(dot + 1)..];
        }

        return false;
    }

    private static string Normalize(string domain) =>
        DetectorText.Normalize(domain.Trim()).TrimEnd('.').ToLowerInvariant() is var d && d.StartsWith("www.", StringComparison.Ordinal) ? d[4..] : d;
}
