package org.danvan.feedback.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Lunar dates as Vietnam reckons them. The lunisolar rules are China's, but the new moons are placed in
 * Vietnam's time zone (UTC+7, since 1968), which is why Tết 1985 fell a month before China's New Year and
 * Tết 2007 and 2027 a day before it. ICU4J's {@link ChineseCalendar} does the astronomy; only its zone is ours.
 */
final class VietnameseLunarCalendar {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int CHINESE_EPOCH_YEAR = -2636;

    private VietnameseLunarCalendar() {
    }

    /** The Gregorian date of lunar {@code month}/{@code day} (not a leap month) of the lunar year that begins in {@code year}. */
    static LocalDate toGregorian(int year, int month, int day) {
        ChineseCalendar lunar = calendar();
        // mid-year is always in the lunar year that began in January or February of the same Gregorian year
        lunar.setTimeInMillis(LocalDate.of(year, 6, 1).atStartOfDay(VIETNAM).toInstant().toEpochMilli());
        int extendedYear = lunar.get(Calendar.EXTENDED_YEAR);
        lunar.clear();
        lunar.set(Calendar.EXTENDED_YEAR, extendedYear);
        lunar.set(Calendar.MONTH, month - 1);
        lunar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        lunar.set(Calendar.DAY_OF_MONTH, day);
        return Instant.ofEpochMilli(lunar.getTimeInMillis()).atZone(VIETNAM).toLocalDate();
    }

    /** Tết: the first day of the lunar year that begins in {@code year}. */
    static LocalDate newYear(int year) {
        return toGregorian(year, 1, 1);
    }

    private static ChineseCalendar calendar() {
        return new VietnamZoned();
    }

    /** ICU's Chinese calendar with its astronomical zone set to Vietnam's. */
    private static final class VietnamZoned extends ChineseCalendar {

        private static final long serialVersionUID = 1L;

        @SuppressWarnings("deprecation")
        VietnamZoned() {
            super(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"), ULocale.ROOT, CHINESE_EPOCH_YEAR,
                    TimeZone.getTimeZone("GMT+07:00"));
        }
    }
}
