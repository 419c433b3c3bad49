using Qunyun.Api;

namespace Qunyun.Features.PaidMemberships;

/// <summary>What an order use case did: the order as it stands now, or why it could not.</summary>
public abstract record OrderChange
{
    private OrderChange()
    {
    }

    /// <param name="Changed">False when the order already was in the asked state (a repeated confirmation).</param>
    public sealed record Done(OrderResponse Order, bool Changed) : OrderChange;

    public sealed record NotFound : OrderChange;

    public sealed record Invalid(FieldErrors Errors) : OrderChange;

    public sealed record Conflict(string Detail) : OrderChange;
}
