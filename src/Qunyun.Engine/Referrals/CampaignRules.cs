namespace Qunyun.Engine.Referrals;

/// <summary>A campaign as an operator describes it, before it is stored.</summary>
public sealed record CampaignDraft(
    string? Name,
    string? Goal,
    DateTime? StartsAt,
    DateTime? EndsAt,
    IReadOnlyList<PrizeTier>? Tiers,
    RedemptionKind? Redemption,
    IReadOnlyList<string>? Codes,
    string? FormUrl,
    int StayDays,
    int BurstCount,
    int BurstMinutes);

/// <summary>The rules a campaign must follow, each broken one named by its field (the API's 400 and the editor).</summary>
public static class CampaignRules
{
    public const int MaxTiers = 10;
    public const int MaxCodes = 5000;
    public const int MaxStayDays = 90;
    public const int DefaultStayDays = 7;
    public const int DefaultBurstCount = 5;
    public const int DefaultBurstMinutes = 10;

    public static IReadOnlyList<(string Field, string Message)> Check(CampaignDraft draft)
    {
        var errors = new List<(string, string)>();
        void Add(bool broken, string field, string message)
        {
            if (broken)
            {
                errors.Add((field, message));
            }
        }

        Add(string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > 100, "Name", "1–100 characters.");
        Add(draft.Goal is { Length: > 1000 }, "Goal", "At most 1,000 characters.");
        Add(draft.StartsAt is null, "StartsAt", "Required.");
        Add(draft.EndsAt is null, "EndsAt", "Required.");
        Add(draft is { StartsAt: { } start, EndsAt: { } end } && end <= start, "EndsAt", "Must be after the start.");
        Add(draft.StayDays is < 1 or > MaxStayDays, "StayDays", $"1–{MaxStayDays} days.");
        Add(draft.BurstCount is < 2 or > 1000, "BurstCount", "2–1000 new accounts.");
        Add(draft.BurstMinutes is < 1 or > 1440, "BurstMinutes", "1–1440 minutes.");
        Add(draft.Redemption is null, "Redemption", "Required: Code, Form, Staff or Points.");
        CheckTiers(draft, Add);
        var codes = draft.Codes?.Where(c => !string.IsNullOrWhiteSpace(c)).ToList() ?? [];
        Add(draft.Redemption == RedemptionKind.Code && codes.Count == 0, "Codes", "Give the redemption codes, one a line.");
        Add(codes.Count > MaxCodes, "Codes", $"At most {MaxCodes} codes.");
        Add(codes.Any(c => c.Trim().Length > 64), "Codes", "A code has at most 64 characters.");
        Add(codes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Count() != codes.Count, "Codes", "A code appears twice.");
        Add(draft.Redemption == RedemptionKind.Form && !IsHttpUrl(draft.FormUrl), "FormUrl", "The form's address (http or https).");
        return errors;
    }

    private static void CheckTiers(CampaignDraft draft, Action<bool, string, string> add)
    {
        var tiers = draft.Tiers ?? [];
        add(tiers.Count == 0, "Tiers", "At least one prize tier.");
        add(tiers.Count > MaxTiers, "Tiers", $"At most {MaxTiers} tiers.");
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            add(tier.Helpers is < 1 or > 10_000, $"Tiers[{i}].Helpers", "1–10,000 valid helpers.");
            add(i > 0 && tier.Helpers <= tiers[i - 1].Helpers, $"Tiers[{i}].Helpers", "Each tier needs more helpers than the one before.");
            add(string.IsNullOrWhiteSpace(tier.Prize) || tier.Prize.Trim().Length > 100, $"Tiers[{i}].Prize", "1–100 characters.");
            add(draft.Redemption == RedemptionKind.Points && tier.Points is not (> 0 and <= 1_000_000), $"Tiers[{i}].Points", "1–1,000,000 points.");
        }
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
