namespace Qunyun.Engine.Membership;

/// <summary>
/// An early-bird price, in force while fewer than <see cref="UntilMembers"/> members have paid and before
/// <see cref="UntilUtc"/> (whichever comes first; at least one is set).
/// </summary>
public sealed record EarlyBirdPrice(decimal Price, int? UntilMembers, DateTime? UntilUtc);

/// <summary>Which price a new order gets: the step's index (null: the regular price) and the amount.</summary>
public readonly record struct PriceQuote(decimal Price, int? EarlyBirdIndex)
{
    public bool IsEarlyBird => EarlyBirdIndex is not null;
}

/// <summary>One problem with a schedule, named by the request field it comes from.</summary>
public readonly record struct ScheduleProblem(string Field, string Message);

/// <summary>
/// A plan's prices over time (seed 002: "launch low, raise the price once momentum builds"): early-bird steps in order,
/// each ending at a member count or a date, then the regular price for good.
/// </summary>
public sealed record PriceSchedule(decimal RegularPrice, IReadOnlyList<EarlyBirdPrice> EarlyBird)
{
    public const int MaxSteps = 10;

    /// <summary>
    /// The price for the next order when <paramref name="paidMembers"/> members have paid: the step with members 1…N
    /// quotes its price to the N-th payer and no further, so the quote switches exactly when the N-th member has paid.
    /// </summary>
    public PriceQuote Quote(int paidMembers, DateTime nowUtc)
    {
        for (var i = 0; i < EarlyBird.Count; i++)
        {
            var step = EarlyBird[i];
            var membersLeft = step.UntilMembers is not { } n || paidMembers < n;
            var timeLeft = step.UntilUtc is not { } until || nowUtc < until;
            if (membersLeft && timeLeft)
            {
                return new PriceQuote(step.Price, i);
            }
        }

        return new PriceQuote(RegularPrice, null);
    }

    /// <summary>What is wrong with the schedule, field by field (<c>regularPrice</c>, <c>earlyBird[i].price</c>…); empty when none.</summary>
    public IReadOnlyList<ScheduleProblem> Check(string currency)
    {
        var problems = new List<ScheduleProblem>();
        CheckPrice(problems, "regularPrice", RegularPrice, currency);
        if (EarlyBird.Count > MaxSteps)
        {
            problems.Add(new("earlyBird", $"At most {MaxSteps} early-bird steps."));
            return problems;
        }

        for (var i = 0; i < EarlyBird.Count; i++)
        {
            var step = EarlyBird[i];
            var field = $"earlyBird[{i}]";
            CheckPrice(problems, field + ".price", step.Price, currency);
            if (step.UntilMembers is null && step.UntilUtc is null)
            {
                problems.Add(new(field, "Say when the step ends: untilMembers, untilUtc or both."));
            }

            if (step.UntilMembers is < 1 or > 10_000_000)
            {
                problems.Add(new(field + ".untilMembers", "1 to 10,000,000 members."));
            }

            var earlier = EarlyBird.Take(i);
            if (step.UntilMembers is { } members && earlier.Any(e => e.UntilMembers >= members))
            {
                problems.Add(new(field + ".untilMembers", "Each step must end at more members than the steps before it."));
            }

            if (step.UntilUtc is { } until && earlier.Any(e => e.UntilUtc >= until))
            {
                problems.Add(new(field + ".untilUtc", "The schedule goes back in time: each step must end after the steps before it."));
            }
        }

        return problems;
    }

    private static void CheckPrice(List<ScheduleProblem> problems, string field, decimal price, string currency)
    {
        if (price <= 0)
        {
            problems.Add(new(field, "A price must be more than zero."));
        }
        else if (price > 100_000_000)
        {
            problems.Add(new(field, "At most 100,000,000."));
        }
        else if (Currencies.IsKnown(currency) && decimal.Round(price, Currencies.MinorDigits(currency)) != price)
        {
            problems.Add(new(field, $"{currency} has {Currencies.MinorDigits(currency)} decimal places."));
        }
    }
}
