namespace Qunyun.Features.Plan;

/// <summary>The morning and evening briefings (早晚报): a recurring text every day, keeping a baseline of activity.</summary>
public static class PlanPresets
{
    private static readonly int[] EveryDay = [0, 1, 2, 3, 4, 5, 6];

    public static IReadOnlyList<PlanPreset> For(string culture) =>
        culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ?
            [
                new("morning", "早报", "【早报】早上好！今天群里的安排和值得一看的内容都在这里，欢迎大家在群里交流～", EveryDay, new TimeOnly(8, 0)),
                new("evening", "晚报", "【晚报】今天辛苦了！回顾一下今天的精彩讨论，明天见～", EveryDay, new TimeOnly(21, 30)),
            ]
            :
            [
                new("morning", "Morning briefing", "[Morning briefing] Good morning! Today's plans and reads worth your time are here; talk to each other in the group.", EveryDay, new TimeOnly(8, 0)),
                new("evening", "Evening briefing", "[Evening briefing] Thanks for today! A look back at today's best discussions; see you tomorrow.", EveryDay, new TimeOnly(21, 30)),
            ];
}
