// Checks a report form as it is typed, with the rules its form definition carries (data-expression on each rule
// message, "A + B <= C"), reading numbers as reporting-service does ("53.486" and "53,486" are 53486, "12,5" is
// 12.5). The server checks again on save and submit; without this script the form works the same.
(function () {
  'use strict';
  var GROUPED = /^\d{1,3}([.,])\d{3}(\1\d{3})*$/;
  var COMPARE = /^(.*?)\s*(<=|>=|<|>|=)\s*(.*)$/;

  function number(text) {
    var compact = text.replace(/[\s\u00a0]/g, '');
    if (compact === '') {
      return null;
    }
    compact = GROUPED.test(compact) ? compact.replace(/[.,]/g, '') : compact.replace(',', '.');
    return /^\d+(\.\d+)?$/.test(compact) ? Number(compact) : NaN;
  }

  function holds(left, symbol, right) {
    switch (symbol) {
      case '<=': return left <= right;
      case '<': return left < right;
      case '>=': return left >= right;
      case '>': return left > right;
      default: return left === right;
    }
  }

  function check(form) {
    var values = {};
    var inputs = form.querySelectorAll('input[data-code]');
    inputs.forEach(function (input) {
      var value = number(input.value);
      var type = input.getAttribute('data-type');
      var wrong = value !== null && (isNaN(value) || (type === 'INTEGER' && value % 1 !== 0));
      var error = document.getElementById(input.id + '-error');
      if (wrong) {
        error.textContent = input.getAttribute('data-type-message');
        error.hidden = false;
      } else if (error.getAttribute('data-live') === 'true' || error.textContent === input.getAttribute('data-type-message')) {
        error.hidden = true;
      }
      error.setAttribute('data-live', String(wrong));
      input.setAttribute('aria-invalid', String(wrong || !error.hidden));
      if (value !== null && !isNaN(value)) {
        values[input.getAttribute('data-code')] = value;
      }
    });
    form.querySelectorAll('[data-rule]').forEach(function (rule) {
      var parts = COMPARE.exec(rule.getAttribute('data-expression'));
      if (!parts) {
        return;
      }
      var sides = [parts[1], parts[3]].map(function (side) {
        var codes = side.split('+').map(function (code) { return code.trim(); });
        var sum = 0;
        for (var i = 0; i < codes.length; i++) {
          if (!(codes[i] in values)) {
            return null;
          }
          sum += values[codes[i]];
        }
        return { codes: codes, sum: sum };
      });
      // like the server: a rule whose values are not all there yet does not fail
      var broken = sides[0] !== null && sides[1] !== null && !holds(sides[0].sum, parts[2], sides[1].sum);
      rule.hidden = !broken;
      if (broken) {
        rule.textContent = rule.getAttribute('data-live-message');
        sides[0].codes.concat(sides[1].codes).forEach(function (code) {
          var input = document.getElementById('v-' + code);
          if (input) {
            input.setAttribute('aria-invalid', 'true');
          }
        });
      }
    });
  }

  document.querySelectorAll('form[data-report-rules]').forEach(function (form) {
    form.addEventListener('input', function () { check(form); });
  });
})();
