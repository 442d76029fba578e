"""Dates said with a month in another language ("4 marca 1986", "9 Mehefin 1992"), as people
whose first language is Polish, Welsh, Irish, Romanian and others say their date of birth.

Only the full shape is read: a day, the month word and a year ("4 de marzo de 1986" too), so
a month word alone ("Mai", "Medi" are Welsh months and names) is never a date. Whether the
date is a birth date is ``contact.find_dates_of_birth``'s test, as for English months.
"""
from __future__ import annotations

import re

__all__ = ["FOREIGN_DATE"]

# Each language's twelve months, in the forms a date takes (Polish, Czech and Lithuanian say
# the genitive, "4 marca"), and the same words typed without their accents.
MONTHS_BY_LANGUAGE = {
    "Polish": "styczeń styczen stycznia luty lutego marzec marca kwiecień kwiecien kwietnia maj"
              " maja czerwiec czerwca lipiec lipca sierpień sierpien sierpnia wrzesień wrzesien"
              " września wrzesnia październik pazdziernik października pazdziernika listopad"
              " listopada grudzień grudzien grudnia",
    "Welsh": "ionawr chwefror mawrth ebrill mai mehefin gorffennaf awst medi hydref tachwedd"
             " rhagfyr",
    "Irish and Scottish Gaelic": "eanáir eanair feabhra márta marta aibreán aibrean bealtaine"
                                 " meitheamh iúil iuil lúnasa lunasa samhain nollaig faoilleach"
                                 " gearran giblean cèitean ceitean ògmhios ogmhios iuchar"
                                 " lùnastal lunastal sultain dàmhair damhair dùbhlachd dubhlachd",
    "Romanian": "ianuarie februarie martie aprilie iunie iulie august septembrie octombrie"
                " noiembrie decembrie",
    "Lithuanian": "sausio vasario kovo balandžio balandzio gegužės geguzes birželio birzelio"
                  " liepos rugpjūčio rugpjucio rugsėjo rugsejo spalio lapkričio lapkricio"
                  " gruodžio gruodzio",
    "Czech and Slovak": "ledna února unora března brezna dubna května kvetna června cervna"
                        " července cervence srpna září zari října rijna listopadu prosince",
    "Spanish and Portuguese": "enero febrero marzo abril mayo junio julio agosto septiembre"
                              " setiembre octubre noviembre diciembre janeiro fevereiro março"
                              " marco maio junho julho setembro outubro novembro dezembro",
    "Italian, French and German": "gennaio febbraio aprile maggio giugno luglio settembre"
                                  " ottobre dicembre janvier février fevrier mars avril juin"
                                  " juillet août aout octobre décembre decembre januar februar"
                                  " märz marz juni juli oktober dezember",
    "Turkish": "ocak şubat subat mart nisan mayıs mayis haziran temmuz ağustos agustos eylül"
               " eylul ekim kasım kasim aralık aralik",
}
MONTH_WORDS = frozenset(w for words in MONTHS_BY_LANGUAGE.values() for w in words.split())
_MONTH = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_YEAR = r"(?:(?:19|20)\d{2}|['’]\d{2})"
# "4 marca 1986", "4. März 1986", "4 de marzo de 1986": the day in digits, then the year.
FOREIGN_DATE = re.compile(
    rf"(?<![\w.])\d{{1,2}}(?:st|nd|rd|th|\.)?(?:[ \t]+(?:de|of))?[ \t]+(?:{_MONTH})"
    rf"(?![\w’'])\.?,?(?:[ \t]+(?:de|of))?[ \t]+{_YEAR}(?![\w’'])",
    re.IGNORECASE)
