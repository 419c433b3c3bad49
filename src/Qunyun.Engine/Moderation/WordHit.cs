namespace Qunyun.Engine.Moderation;

/// <summary>
/// A listed word found in a text: the list, the word as listed, and the span of the ORIGINAL text it covers
/// (<c>text.Substring(Start, Length)</c>, inserted separators included).
/// </summary>
public readonly record struct WordHit(string ListName, string Word, int Start, int Length);
