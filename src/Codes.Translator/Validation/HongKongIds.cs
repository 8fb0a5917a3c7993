namespace HealthCode.Translator.Validation;

/// <summary>HKID: one or two letters, six digits, check digit 0-9 or A (weighted mod 11; a single-letter prefix counts as a leading space = 36).</summary>
public static class HongKongIds
{
    /// <summary>Null when valid, otherwise why not. Expects the canonical form (no brackets, upper case).</summary>
    public static string? Problem(string number)
    {
        var letters = 0;
        while (letters < number.Length && char.IsAsciiLetterUpper(number[letters]))
        {
            letters++;
        }

        if (letters is < 1 or > 2 || number.Length != letters + 7)
        {
            return "an HKID is one or two letters, six digits and a check digit";
        }

        for (var i = letters; i < letters + 6; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return "an HKID is one or two letters, six digits and a check digit";
            }
        }

        var check = number[^1];
        if (!char.IsAsciiDigit(check) && check != 'A')
        {
            return "the HKID check digit is 0-9 or A";
        }

        var expected = CheckDigit(number.AsSpan(0, letters + 6));
        return check == expected ? null : $"the HKID check digit is '{check}' but should be '{expected}'";
    }

    public static char CheckDigit(ReadOnlySpan<char> body)
    {
        var letters = body.Length - 6;
        var sum = letters == 1 ? 36 * 9 : 0;
        var weight = 8;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            var value = char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : c - '0';
            var w = letters == 1 ? weight-- : 9 - i;
            sum += value * w;
        }

        var remainder = (11 - sum % 11) % 11;
        return remainder == 10 ? 'A' : (char)('0' + remainder);
    }
}
