namespace HealthCode.Verifier.Regional;

/// <summary>
/// The ledger's Lua scripts. Every key of one call shares the {region} hash tag. Times are milliseconds since the
/// epoch from the service clock (passed in, so tests can move it); sequences are compared as decimal strings, as the
/// status store does, because Lua numbers lose int64 precision.
/// </summary>
internal static class RegionalScripts
{
    // KEYS[1] outcome; ARGV[1] sequence, ARGV[2] received ms, ARGV[3] ttl s.
    public const string Pending = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'state', 'pending', 'seq', ARGV[1], 'rcv', ARGV[2])
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    // KEYS[1] outcome.
    public const string ForgetPending = """
        if redis.call('HGET', KEYS[1], 'state') == 'pending' then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    // KEYS: 1 outcome, 2 rejections, 3 signs, 4 lag, 5 codes, 6 seen.
    // ARGV: 1 state, 2 message id ('' none), 3 sequence ('' none), 4 now ms, 5 published ms ('' none), 6 reason,
    // 7 detail, 8 fields (JSON array, '' none), 9 outcome ttl s, 10 feed length, 11 alive '1', 12 heartbeat '1',
    // 13 index op ('add' | 'remove' | ''), 14 code ('' none), 15 code expiry ms, 16 seen ttl s ('' = no snapshot),
    // 17 lag window ms, 18 lag samples kept, 19 lag tag ('' = no sample), 20 snapshot id, 21 line.
    // Returns { state, first }: first = 0 when the message id was already decided (a redelivery changes nothing).
    public const string Record = """
        local now = tonumber(ARGV[4])
        local state = ARGV[1]
        if ARGV[12] == '1' then
          local last = redis.call('HGET', KEYS[3], 'hbseq')
          local incoming = ARGV[3]
          if last and (#last > #incoming or (#last == #incoming and last > incoming)) then state = 'superseded'
          elseif last == incoming then state = 'duplicate'
          else
            redis.call('HSET', KEYS[3], 'hbseq', incoming)
            if now > tonumber(redis.call('HGET', KEYS[3], 'hb') or '0') then redis.call('HSET', KEYS[3], 'hb', ARGV[4]) end
          end
        end
        local base = ARGV[5]
        if ARGV[2] ~= '' then
          local current = redis.call('HGET', KEYS[1], 'state')
          if current and current ~= 'pending' then return { state, 0 } end
          local received = redis.call('HGET', KEYS[1], 'rcv')
          if received then base = received else received = ARGV[4] end
          local fields = { 'state', state, 'rcv', received, 'dec', ARGV[4] }
          if ARGV[3] ~= '' then fields[#fields + 1] = 'seq'; fields[#fields + 1] = ARGV[3] end
          if ARGV[6] ~= '' then fields[#fields + 1] = 'reason'; fields[#fields + 1] = ARGV[6] end
          if ARGV[7] ~= '' then fields[#fields + 1] = 'detail'; fields[#fields + 1] = ARGV[7] end
          if ARGV[8] ~= '' then fields[#fields + 1] = 'fields'; fields[#fields + 1] = ARGV[8] end
          redis.call('DEL', KEYS[1])
          redis.call('HSET', KEYS[1], unpack(fields))
          redis.call('EXPIRE', KEYS[1], ARGV[9])
        end
        if state == 'rejected' then
          local entry = { 'at', ARGV[4], 'reason', ARGV[6] }
          if ARGV[2] ~= '' then entry[#entry + 1] = 'message'; entry[#entry + 1] = ARGV[2] end
          if ARGV[7] ~= '' then entry[#entry + 1] = 'detail'; entry[#entry + 1] = ARGV[7] end
          if ARGV[8] ~= '' then entry[#entry + 1] = 'fields'; entry[#entry + 1] = ARGV[8] end
          if ARGV[3] ~= '' then entry[#entry + 1] = 'seq'; entry[#entry + 1] = ARGV[3] end
          if ARGV[20] ~= '' then entry[#entry + 1] = 'snapshot'; entry[#entry + 1] = ARGV[20]; entry[#entry + 1] = 'line'; entry[#entry + 1] = ARGV[21] end
          redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[10], '*', unpack(entry))
          return { state, 1 }
        end
        if ARGV[11] == '1' and now > tonumber(redis.call('HGET', KEYS[3], 'ev') or '0') then redis.call('HSET', KEYS[3], 'ev', ARGV[4]) end
        if state == 'applied' then
          if ARGV[13] == 'add' then
            redis.call('ZADD', KEYS[5], ARGV[15], ARGV[14])
            redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', ARGV[4])
          elseif ARGV[13] == 'remove' then
            redis.call('ZREM', KEYS[5], ARGV[14])
          end
          if ARGV[19] ~= '' and base ~= '' then
            local lag = now - tonumber(base)
            if lag < 0 then lag = 0 end
            redis.call('ZADD', KEYS[4], ARGV[4], string.format('%d:%s', lag, ARGV[19]))
            redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', string.format('(%d', now - tonumber(ARGV[17])))
            redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -tonumber(ARGV[18]) - 1)
          end
        end
        if ARGV[16] ~= '' and ARGV[14] ~= '' then
          redis.call('SADD', KEYS[6], ARGV[14])
          redis.call('EXPIRE', KEYS[6], ARGV[16])
        end
        return { state, 1 }
        """;

    // KEYS[1] seen; ARGV[1] code, ARGV[2] ttl s.
    public const string MarkSeen = """
        redis.call('SADD', KEYS[1], ARGV[1])
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    // KEYS[1] codes, KEYS[2] seen; ARGV[1] cursor, ARGV[2] now ms, ARGV[3] page size, ARGV[4] seen ttl s.
    // Returns { next cursor, codes... }. A reported code joins the seen-set, so a scan that returns it twice counts it once.
    public const string Unlisted = """
        local page = redis.call('ZSCAN', KEYS[1], ARGV[1], 'COUNT', ARGV[3])
        local result = { page[1] }
        local items = page[2]
        local now = tonumber(ARGV[2])
        for i = 1, #items, 2 do
          local code = items[i]
          if tonumber(items[i + 1]) > now and redis.call('SADD', KEYS[2], code) == 1 then result[#result + 1] = code end
        end
        redis.call('EXPIRE', KEYS[2], ARGV[4])
        return result
        """;
}
