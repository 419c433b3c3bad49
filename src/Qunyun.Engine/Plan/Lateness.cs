namespace Qunyun.Engine.Plan;

public enum DueVerdict
{
    NotYet,
    Send,

    /// <summary>Too late to be worth sending (e.g. the host was down): recorded, never sent.</summary>
    Missed,
}

public static class Lateness
{
    public static DueVerdict Judge(DateTimeOffset due, DateTimeOffset now, TimeSpan maxLateness) =>
        due > now ? DueVerdict.NotYet : now - due <= maxLateness ? DueVerdict.Send : DueVerdict.Missed;
}
