using CsCheck;
using Qunyun.Engine.Moderation;

namespace Qunyun.Engine.Tests.Moderation;

public sealed class WordMatcherPropertyTests
{
    private static readonly string[] Words = ["微信", "代开发票", "加v信", "wechat", "telegram", "傻逼"];
    private static readonly WordMatcher Matcher = WordMatcher.Compile([new WordList("l", Words)]);
    private static readonly string[] Separators = ["", "_", "❤", "\u200b", "·", "😀", "️", "-", "。", "*"];
    private static readonly Gen<string> Filler = From("", "好的", "今天", "，", "!", " ", "👍", "我们");

    private static Gen<string> From(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void Match_SeparatorsInsideAWord_StillHitAndSpanCoversTheWord()
    {
        Gen.Select(From(Words), From(Separators).Array[8], Filler, Filler).Sample((word, seps, before, after) =>
        {
            var spaced = string.Concat(word.Select((c, i) => i == 0 ? c.ToString() : seps[i % seps.Length] + c));
            var text = before + spaced + after;

            var hit = Matcher.Match(text).FirstOrDefault(h => h.Word == word);

            return hit.Word == word && text.Substring(hit.Start, hit.Length) == spaced;
        });
    }

    [Fact]
    public void Fold_SpansMapBackToOriginalCharacters()
    {
        Gen.String.Sample(text =>
        {
            var folded = TextFolder.Fold(text);
            for (var i = 0; i < folded.Text.Length; i++)
            {
                var (start, length) = folded.SourceSpan(i, 1);
                var original = text.Substring(start, length);
                if (TextFolder.FoldToString(original) != folded.Text[i].ToString() && folded.Text[i] != '\uFFFF' && !char.IsSurrogate(folded.Text[i]))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Fold_IsIdempotent()
    {
        Gen.String.Sample(text => TextFolder.FoldToString(TextFolder.FoldToString(text)) == TextFolder.FoldToString(text));
    }

    [Fact]
    public void Match_AgreesWithSearchingTheFoldedText()
    {
        // Chinese words have no boundary rule, so a hit exists exactly when the folded text contains the folded word.
        var chinese = new[] { "微信", "代开发票", "傻逼" };
        From("微", "信", "代", "开", "發", "票", "傻", "逼", "，", "😀", "好", "_").Array[0, 30]
            .Sample(pieces =>
            {
                var text = string.Concat(pieces);
                var folded = TextFolder.FoldToString(text);
                var expected = chinese.Where(w => folded.Contains(w, StringComparison.Ordinal)).Order().ToArray();
                var actual = Matcher.Match(text).Select(h => h.Word).Where(chinese.Contains).Distinct().Order().ToArray();
                return expected.SequenceEqual(actual);
            });
    }

    [Fact]
    public void Match_SpanAndListVariants_Agree()
    {
        Gen.String.Sample(text =>
        {
            var list = Matcher.Match(text);
            var buffer = new WordHit[4];
            var count = Matcher.Match(text, buffer);
            return count == list.Count && Matcher.IsMatch(text) == (list.Count > 0)
                && buffer[..Math.Min(count, 4)].SequenceEqual(list.Take(4));
        });
    }
}
