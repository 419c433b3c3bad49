using CsCheck;
using Qunyun.Engine.Bot;

namespace Qunyun.Engine.Tests.Bot;

public sealed class QuestionSimilarityTests
{
    [Fact]
    public void Score_SameQuestionReworded_IsHigh()
    {
        var score = QuestionSimilarity.Score("怎么开发票？", "请问怎么开发票");

        Assert.True(score >= 0.5, $"score {score}");
    }

    [Fact]
    public void Score_UnrelatedQuestion_IsLow()
    {
        var score = QuestionSimilarity.Score("怎么开发票？", "今晚几点直播？");

        Assert.True(score < 0.2, $"score {score}");
    }

    [Fact]
    public void Normalize_FullWidthAndCase_Fold()
    {
        Assert.Equal("how to get an invoice", QuestionSimilarity.Normalize("ＨＯＷ to get an Invoice？"));
    }

    [Fact]
    public void Features_MixedText_HasChineseNgramsAndLatinWords()
    {
        var features = QuestionSimilarity.Features("VIP会员价格");

        Assert.Contains("vip", features);
        Assert.Contains("会员", features);
        Assert.Contains("会员价", features);
    }

    [Fact]
    public void Score_IsSymmetricAndBounded() =>
        Gen.String.Select(Gen.String).Sample((a, b) =>
        {
            var score = QuestionSimilarity.Score(a, b);
            return score is >= 0 and <= 1 && Math.Abs(score - QuestionSimilarity.Score(b, a)) < 1e-12;
        });

    [Fact]
    public void Score_OfTextWithItself_IsOneUnlessEmpty() =>
        Gen.String.Sample(a => QuestionSimilarity.Features(a).Count == 0 || Math.Abs(QuestionSimilarity.Score(a, a) - 1) < 1e-12);
}
