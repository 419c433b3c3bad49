namespace Qunyun.Engine.Moderation.Policy;

public static class ActionTypes
{
    public const string Delete = "delete";
    public const string Warn = "warn";
    public const string Mute = "mute";
    public const string Kick = "kick";
    public const string Ban = "ban";

    public static readonly IReadOnlyList<string> All = [Delete, Warn, Mute, Kick, Ban];

    /// <summary>Mute, kick and ban exclude each other: only the strongest of them is taken.</summary>
    public static int Severity(string type) => type switch
    {
        Mute => 1,
        Kick => 2,
        Ban => 3,
        _ => 0,
    };
}
