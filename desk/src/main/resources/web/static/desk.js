// Varsel desk: the little that needs script. Everything works without it except revealing blurred evidence.
document.addEventListener('click', function (event) {
  var target = event.target;
  if (target.classList.contains('reveal')) {
    var evidence = target.closest('.evidence');
    var revealed = evidence.classList.toggle('revealed');
    target.textContent = revealed ? 'Hide' : 'Show';
  }
  if (target.id === 'select-all') {
    document.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = target.checked; });
  }
});
