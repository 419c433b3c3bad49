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
    public void Normalize_OnePass_AgreesWithTheSplitAndJoinDefinition() =>
        Gen.OneOf(Gen.String, Gen.String[Gen.Char[" 　,.!?？！。、-—_ａＡｂ1２中文會員\t\n"], 0, 40], Gen.String[Gen.Char['\u3000', '\u9fff'], 0, 40])
            .Sample(text => QuestionSimilarity.Normalize(text) == ByDefinition(text));

    [Fact]
    public void Normalize_LongText_UsesTheHeapBufferAlike()
    {
        var text = string.Concat(Enumerable.Repeat("Ｈｅｌｌｏ，  世界！ ", 100));

        Assert.Equal(ByDefinition(text), QuestionSimilarity.Normalize(text));
    }

    /// <summary>The definition the fast path must keep: fold, keep letters and digits, punctuation and spaces split, runs of spaces collapse.</summary>
    private static string ByDefinition(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OtherPunctuation or System.Globalization.UnicodeCategory.DashPunctuation)
            {
                builder.Append(' ');
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
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
