using System.Text.RegularExpressions;
using System.Xml.Linq;
using Qunyun.Engine.Tagging;

namespace Qunyun.Tests.Hosting;

/// <summary>The console speaks both languages completely: the two resource files agree and every key used exists.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string Source = Path.Combine(RepositoryRoot(), "src", "Qunyun");

    [Fact]
    public void ResourceFiles_HaveTheSameKeys_AndNoEmptyValues()
    {
        var english = Read("Strings.resx");
        var chinese = Read("Strings.zh-CN.resx");

        Assert.Equal(english.Keys.Order(), chinese.Keys.Order());
        Assert.All(english.Concat(chinese), entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
        Assert.All(chinese.Where(e => e.Key.StartsWith("Nav.", StringComparison.Ordinal)),
            entry => Assert.NotEqual(english[entry.Key], entry.Value));
    }

    [Fact]
    public void EveryLiteralKeyUsedInTheConsole_Exists()
    {
        var keys = Read("Strings.resx").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(Source, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, use => Assert.True(keys.Contains(use.Key), $"{use.File} uses missing key {use.Key}"));
    }

    [Fact]
    public void EveryEnumValueShownInTheConsole_HasAKey()
    {
        var keys = Read("Strings.resx").Keys.ToHashSet();
        var shown = Enum.GetNames<Engine.Groups.GroupType>().Select(n => $"GroupType.{n}")
            .Concat(Enum.GetNames<Engine.Groups.GroupStatus>().Select(n => $"GroupStatus.{n}"))
            .Concat(Enum.GetNames<Engine.Groups.SizeBand>().Select(n => $"SizeBand.{n}"))
            .Concat(Enum.GetNames<Engine.Groups.MembershipRole>().Select(n => $"MembershipRole.{n}"))
            .Concat(Enum.GetNames<Engine.Groups.ModerationLevel>().Select(n => $"ModerationLevel.{n}"))
            .Concat(Engine.Events.EventKinds.WireNames.Select(n => $"EventKind.{n}"))
            .Concat(Enum.GetNames<TagKind>().Select(n => $"TagKind.{n}"))
            .Concat(Enum.GetNames<Features.Tags.TagChangeCause>().Select(n => $"TagChangeCause.{n}"))
            .Concat(Enum.GetNames<Engine.Tagging.RuleMetric>().Select(n => $"RuleMetric.{n}"))
            .Concat(Enum.GetNames<Engine.Tagging.RuleComparison>().Select(n => $"RuleComparison.{n}"))
            .Concat(Features.Segments.Pages.ConditionDraft.Kinds.Select(k => $"Segments.Field.{k}"))
            .Concat(Enum.GetNames<Engine.Templates.TemplatePurpose>().Select(n => $"TemplatePurpose.{n}"))
            .Concat(Enum.GetNames<Engine.Bot.MatchMode>().Select(n => $"MatchMode.{n}"))
            .Concat(Enum.GetNames<Engine.Bot.MatchMode>().Select(n => $"AutoReplies.PatternHint.{n}"))
            .Concat(Enum.GetNames<Features.Bot.BotVoice>().Select(n => $"BotVoice.{n}"))
            .Concat(Enum.GetNames<Features.Templates.BotAlertKind>().Select(n => $"BotAlertKind.{n}"))
            .Concat(Enum.GetNames<Features.Content.ContentCategory>().Select(n => $"ContentCategory.{n}"))
            .Concat(Enum.GetNames<Features.Plan.OccurrenceStatus>().Select(n => $"Plan.Status.{n}"))
            .Concat(Enum.GetNames<Features.Points.PointsReason>().Select(n => $"PointsReason.{n}"))
            .Concat(Engine.Connectors.ConnectorActions.All.Select(n => $"ConnectorAction.{n}"))
            .Concat(Enum.GetNames<Engine.Channels.ChannelKind>().Select(n => $"ChannelKind.{n}"))
            .Concat(Enum.GetNames<Features.Outbox.OutboxStatus>().Select(n => $"OutboxStatus.{n}"))
            .Concat(Enum.GetNames<Features.Moderation.DecisionStatus>().Select(n => $"DecisionStatus.{n}"))
            .Concat(Enum.GetNames<Features.Moderation.AllowKind>().Select(n => $"AllowKind.{n}"))
            .Concat(Enum.GetNames<Features.Imports.ImportStatus>().Select(n => $"ImportStatus.{n}"))
            .Concat(Enum.GetNames<Engine.Moderation.Policy.ChangeKind>().Select(n => $"ChangeKind.{n}"))
            .Concat(Enum.GetNames<Engine.Moderation.WordListIssueKind>().Select(n => $"WordListIssue.{n}"))
            .Concat(Engine.Moderation.Policy.RuleDetectors.All.Select(n => $"Detector.{n}"))
            .Concat(Engine.Moderation.Policy.ActionTypes.All.Select(n => $"Action.{n}"))
            .Concat(Features.Accounts.Roles.All.Select(n => $"UserRole.{n}"))
            .Concat(Enum.GetNames<Features.Lifecycle.LifecycleState>().Select(n => $"Lifecycle.State.{n}"))
            .Concat(Enum.GetNames<Engine.Lifecycle.LifecycleTaskKind>().Select(n => $"Lifecycle.Task.{n}"))
            .Concat(Enum.GetNames<Engine.Feedback.FeedbackStatus>().Select(n => $"FeedbackStatus.{n}"))
            .Concat(Enum.GetNames<Engine.Feedback.FeedbackKind>().Select(n => $"FeedbackKind.{n}"));

        Assert.All(shown, key => Assert.Contains(key, keys));
    }

    [Fact]
    public void MudBlazorsOwnTexts_AreAllTranslated()
    {
        var chinese = Read("Strings.zh-CN.resx");
        // MudBlazor's key list is internal; its names are the keys its components ask the localizer for.
        var resource = typeof(MudBlazor.MudLocalizer).Assembly.GetType("MudBlazor.Resources.LanguageResource", throwOnError: true)!;
        var mudKeys = resource.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string)).Select(f => f.Name).ToList();

        Assert.True(mudKeys.Count > 100, $"{mudKeys.Count} MudBlazor texts found");
        Assert.All(mudKeys, key => Assert.True(chinese.ContainsKey("Mud." + key), $"MudBlazor's {key} has no Chinese text (add Mud.{key} to both resource files)"));
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Source, "Localization", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Qunyun.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    [GeneratedRegex("""L\["([^"]+)"\]""")]
    private static partial Regex LiteralKey();
}
