namespace Qunyun.Localization;

/// <summary>Marker for the console's text: Strings.resx (English) and Strings.zh-CN.resx (简体中文).</summary>
public sealed class Strings;
