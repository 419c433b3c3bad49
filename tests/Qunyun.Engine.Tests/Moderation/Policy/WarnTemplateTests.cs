using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Engine.Tests.Moderation.Policy;

public sealed class WarnTemplateTests
{
    [Fact]
    public void Render_KnownPlaceholders_Replaced_UnknownKept()
    {
        var text = WarnTemplate.Render("{member}，请勿发广告（{rule}，第 {strikes} 次）{other}", new Dictionary<string, string>
        {
            ["member"] = "小林",
            ["rule"] = "ads",
            ["strikes"] = "2",
        });

        Assert.Equal("小林，请勿发广告（ads，第 2 次）{other}", text);
    }

    [Fact]
    public void UnknownPlaceholders_ListsEachOnce()
    {
        Assert.Equal(["name"], WarnTemplate.UnknownPlaceholders("{name} {name} {member}"));
    }
}
