namespace Qunyun.Engine.LiveCodes;

/// <summary>A group of a pool as the router sees it at one scan.</summary>
/// <param name="Cap">Seats the pool may fill (<see cref="LiveCodeCaps.SeatCap"/>).</param>
/// <param name="Taken">Members already in it, or people already sent to it, whichever is more.</param>
/// <param name="HasLink">A join link to send people to.</param>
/// <param name="QrExpiresAt">An uploaded group QR code and when it stops working; null: none uploaded.</param>
public readonly record struct SeatState(int Cap, int Taken, bool HasLink, bool NeedsQr, DateTime? QrExpiresAt)
{
    public bool CanReceive(DateTime now) => Taken < Cap && (NeedsQr ? QrExpiresAt > now : HasLink);
}

/// <summary>Picks the group a new scan goes to: the first in the pool's order with a free seat and a way in.</summary>
public static class LiveCodeRouting
{
    /// <summary>Index of the group, or -1 when none can take anyone (the pool is full or its codes expired).</summary>
    public static int Pick(IReadOnlyList<SeatState> groups, DateTime now)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].CanReceive(now))
            {
                return i;
            }
        }

        return -1;
    }
}
