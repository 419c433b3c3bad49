namespace Qunyun.Engine.Moderation;

/// <summary>A named list of words (ads, abuse, competitors…). The host binds each list to an action.</summary>
public sealed class WordList
{
    public WordList(string name, IEnumerable<string> words)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(words);
        Name = name;
        Words = [.. words];
    }

    public string Name { get; }

    public IReadOnlyList<string> Words { get; }
}
