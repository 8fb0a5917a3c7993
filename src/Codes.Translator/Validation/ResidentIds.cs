using System.Globalization;

namespace HealthCode.Translator.Validation;

/// <summary>GB 11643-1999 citizen identity numbers: 17 digits (6 area, 8 birth date, 3 sequence) and an ISO 7064 MOD 11-2 check character.</summary>
public static class ResidentIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Null when valid, otherwise why not.</summary>
    public static string? Problem(string number)
    {
        if (number.Length != 18)
        {
            return $"a resident-id number has 18 characters, not {number.Length}";
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return "the first 17 characters of a resident-id number are digits";
            }
        }

        if (!DateTime.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1900)
        {
            return $"'{number.Substring(6, 8)}' is not a valid birth date";
        }

        var expected = CheckCharacter(number.AsSpan(0, 17));
        return number[17] == expected ? null : $"the check character is '{number[17]}' but GB 11643 (ISO 7064 MOD 11-2) gives '{expected}'";
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
