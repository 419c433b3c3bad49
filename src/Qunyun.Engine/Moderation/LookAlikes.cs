namespace Qunyun.Engine.Moderation;

/// <summary>
/// Characters spammers swap for others that look the same. Folding maps both sides (words and text) the same way,
/// so a merged pair can only add matches, never lose one; the table stays small to keep those extra matches rare.
/// </summary>
internal static class LookAlikes
{
    /// <summary>Lower-case Cyrillic and Greek letters drawn like Latin ones (tg-spam: "Здpaвcтвyйтe" mixes both).</summary>
    public static char Homoglyph(char c) => c switch
    {
        'а' => 'a',
        'в' => 'b',
        'е' or 'ё' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ј' => 'j',
        'ԁ' => 'd',
        'һ' => 'h',
        'ӏ' => 'l',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'α' => 'a',
        'β' => 'b',
        'ε' => 'e',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        'ɑ' => 'a',
        'ɡ' => 'g',
        'ı' => 'i',
        _ => c,
    };

    /// <summary>Digits and symbols written for letters (leet): 0→o, 1/i→l, 3→e, 4/@→a, 5/$→s, 7→t, 8→b.</summary>
    public static char Letter(char c) => c switch
    {
        '0' => 'o',
        '1' or 'i' => 'l',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        '8' => 'b',
        _ => c,
    };

    /// <summary>Latin letters with a stroke, which have no decomposition to drop an accent from.</summary>
    public static char Unaccented(char c) => c switch
    {
        'ø' or 'Ø' => 'o',
        'ł' or 'Ł' => 'l',
        'đ' or 'Đ' => 'd',
        'ħ' or 'Ħ' => 'h',
        'ŧ' or 'Ŧ' => 't',
        _ => c,
    };
}
