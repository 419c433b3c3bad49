using Qunyun.Engine.Health;

namespace Qunyun.Engine.Tests.Health;

public sealed class AnswerTimesTests
{
    [Theory]
    [InlineData("周六几点集合？", true)]
    [InlineData("Where do we meet?", true)]
    [InlineData("有人去吗", true)]
    [InlineData("你们呢～", true)]
    [InlineData("真的假的?!", true)]
    [InlineData("明天见。", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    public void IsQuestion_ReadsMarksAndParticles(string text, bool expected) =>
        Assert.Equal(expected, AnswerTimes.IsQuestion(text));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    [InlineData(6, 1)]
    [InlineData(120, 2)]
    [InlineData(1440, 3)]
    public void Bucket_PlacesWaitsByUpperEdge(int minutes, int bucket) =>
        Assert.Equal(bucket, AnswerTimes.Bucket(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Bucket_LongerThanADay_IsUnanswered() =>
        Assert.Null(AnswerTimes.Bucket(TimeSpan.FromHours(25)));

    [Fact]
    public void Median_InterpolatesInsideItsBucket()
    {
        // 10 questions: 2 within 5 min, 6 within 30 min → the 5th lies half-way into the second bucket's six.
        var median = AnswerTimes.Median(10, [2, 6, 2, 0]);

        Assert.Equal(5 + 25 * 3 / 6.0, median!.Value, 6);
    }

    [Fact]
    public void Median_MostlyUnanswered_IsADay() =>
        Assert.Equal(1440, AnswerTimes.Median(10, [1, 1, 1, 1]));

    [Fact]
    public void Median_NoQuestions_IsNull() =>
        Assert.Null(AnswerTimes.Median(0, [0, 0, 0, 0]));

    [Fact]
    public void TopFifthShare_OfEightyTwenty_IsEightyPercent()
    {
        var share = AnswerTimes.TopFifthShare([80, 5, 5, 5, 5]);

        Assert.Equal(0.8, share!.Value, 6);
    }

    [Fact]
    public void TopFifthShare_FewSpeakers_IsNull() =>
        Assert.Null(AnswerTimes.TopFifthShare([10, 3, 0, 0, 0, 0]));
}
