#include "core/wire/token.h"

namespace cotal::wire {

namespace {

bool isJsWhitespace(char16_t unit)
{
    switch (unit) {
    case 0x0009: // tab
    case 0x000A: // line feed
    case 0x000B: // vertical tab
    case 0x000C: // form feed
    case 0x000D: // carriage return
    case 0x0020: // space
    case 0x00A0: // no-break space
    case 0x1680: // ogham space mark
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
    case 0x202F: // narrow no-break space
    case 0x205F: // medium mathematical space
    case 0x3000: // ideographic space
    case 0xFEFF: // byte order mark
        return true;
    default:
        return unit >= 0x2000 && unit <= 0x200A; // en quad .. hair space
    }
}

bool isTokenUnit(char16_t unit)
{
    return (unit >= u'A' && unit <= u'Z') || (unit >= u'a' && unit <= u'z')
           || (unit >= u'0' && unit <= u'9') || unit == u'_' || unit == u'-';
}

} // namespace

QString jsTrim(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isJsWhitespace(text.at(begin).unicode()))
        ++begin;
    while (end > begin && isJsWhitespace(text.at(end - 1).unicode()))
        --end;
    return text.mid(begin, end - begin);
}

QString token(const QString &text)
{
    QString result = jsTrim(text);
    for (QChar &unit : result) {
        if (!isTokenUnit(unit.unicode()))
            unit = u'_';
    }
    return result.isEmpty() ? QStringLiteral("_") : result;
}

QString routeToken(const QString &text)
{
    return text == u"*" ? text : token(text);
}

bool isTokenStable(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar unit : text) {
        if (!isTokenUnit(unit.unicode()))
            return false;
    }
    return true;
}

} // namespace cotal::wire
