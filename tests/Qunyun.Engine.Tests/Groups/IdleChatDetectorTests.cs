using Qunyun.Engine.Groups;
using Qunyun.Engine.Groups.IdleChat;

namespace Qunyun.Engine.Tests.Groups;

public sealed class IdleChatDetectorTests
{
    private static readonly DateTime Start = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Group = Guid.NewGuid();
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly IdleChatSettings On = new(true, 8, 10, ["咖啡豆", "烘焙"]);

    private static readonly string[] Banter =
        ["哈哈哈哈", "笑死我了", "昨晚那场球你看了没", "看了，太刺激了", "最后那个球绝了", "我都跳起来了", "明天还有一场", "必须看", "约一个", "走起"];

    private static List<ChatLine> Conversation(IReadOnlyList<Guid> speakers, IReadOnlyList<string> texts, int secondsApart = 30) =>
        [.. texts.Select((t, i) => new ChatLine($"m{i}", speakers[i % speakers.Count], Start.AddSeconds(i * secondsApart), t))];

    [Fact]
    public void TwoMembersBanteringOffTopic_IsIdleChat()
    {
        var run = IdleChatDetector.Detect(Conversation([A, B], Banter), On);

        Assert.NotNull(run);
        Assert.Equal([A, B], run.Members);
        Assert.Equal(10, run.Messages);
    }

    [Fact]
    public void ThreeMembers_IsIdleChat_FourIsAConversation()
    {
        Assert.NotNull(IdleChatDetector.Detect(Conversation([A, B, C], [.. Banter, "嗯嗯"]), On));
        Assert.Null(IdleChatDetector.Detect(Conversation([A, B, C, D], [.. Banter, "嗯嗯", "好的"]), On));
    }

    [Fact]
    public void QuestionAndAnswer_IsNotIdleChat()
    {
        var texts = Banter.ToArray();
        texts[4] = "那这个周末的活动几点开始？";

        Assert.Null(IdleChatDetector.Detect(Conversation([A, B], texts), On));
    }

    [Fact]
    public void ALinkShared_IsNotIdleChat()
    {
        var texts = Banter.ToArray();
        texts[6] = "回放在这 https://example.com/replay";

        Assert.Null(IdleChatDetector.Detect(Conversation([A, B], texts), On));
    }

    [Fact]
    public void TopicKeywords_MakeItADiscussion()
    {
        var texts = Banter.ToArray();
        texts[2] = "这批咖啡豆的烘焙度刚好";

        Assert.Null(IdleChatDetector.Detect(Conversation([A, B], texts), On));
    }

    [Fact]
    public void TooFewOrTooSlow_IsNotIdleChat()
    {
        Assert.Null(IdleChatDetector.Detect(Conversation([A, B], Banter[..7]), On));
        Assert.Null(IdleChatDetector.Detect(Conversation([A, B], Banter, secondsApart: 120), On));
        Assert.Null(IdleChatDetector.Detect(Conversation([A, B], Banter), On with { Enabled = false }));
    }

    [Fact]
    public void AReplyToSomeoneElse_OrStaffTakingPart_IsNotIdleChat()
    {
        var replying = Conversation([A, B], Banter);
        replying[5] = replying[5] with { ReplyTo = "announcement" };
        var guided = Conversation([A, B], Banter);
        guided[3] = guided[3] with { Staff = true };

        Assert.Null(IdleChatDetector.Detect(replying, On));
        Assert.Null(IdleChatDetector.Detect(guided, On));
    }

    [Fact]
    public void Guard_NudgesAPairOncePerDay()
    {
        var guard = new IdleChatGuard();
        var day = DateOnly.FromDateTime(Start);
        var lines = Conversation([A, B], [.. Banter, .. Banter]).Select((l, i) => l with { ExternalEventId = $"x{i}" }).ToList();

        var nudges = lines.Select(l => guard.Observe(Group, l, On, day)).Where(n => n is not null).ToList();
        var nextDay = guard.Observe(Group, new ChatLine("y", A, lines[^1].At.AddSeconds(20), "哈哈"), On, day.AddDays(1));

        var nudge = Assert.Single(nudges);
        Assert.Equal(IdleChatDetector.NudgeKey(Group, new IdleChatRun([A, B], 8, Start, Start), day), nudge!.Value.Key);
        Assert.NotNull(nextDay);
    }

    [Fact]
    public void Guard_AMessageSeenTwice_DecidesNothingAgain()
    {
        var guard = new IdleChatGuard();
        var lines = Conversation([A, B], Banter);

        foreach (var line in lines)
        {
            guard.Observe(Group, line, On, DateOnly.FromDateTime(Start));
        }

        Assert.Null(guard.Observe(Group, lines[^1], On, DateOnly.FromDateTime(Start).AddDays(1)));
        Assert.Equal(10, guard.Lines.Count);
    }

    [Fact]
    public void NudgeKey_IsTheSameWhoeverSpokeFirst()
    {
        var day = DateOnly.FromDateTime(Start);

        Assert.Equal(IdleChatDetector.NudgeKey(Group, new IdleChatRun([A, B], 8, Start, Start), day), IdleChatDetector.NudgeKey(Group, new IdleChatRun([B, A], 9, Start, Start), day));
        Assert.NotEqual(IdleChatDetector.NudgeKey(Group, new IdleChatRun([A, B], 8, Start, Start), day), IdleChatDetector.NudgeKey(Group, new IdleChatRun([A, C], 8, Start, Start), day));
    }
}
