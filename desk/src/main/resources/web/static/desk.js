// Varsel desk: the little that needs script. Everything works without it except revealing blurred evidence.
function showEvidence(evidence, shown) {
  evidence.classList.toggle('revealed', shown);
  var button = evidence.querySelector('button.reveal');
  if (button) { button.textContent = shown ? 'Hide' : 'Show'; }
}
document.addEventListener('click', function (event) {
  var target = event.target;
  if (target.classList.contains('reveal')) {
    var evidence = target.closest('.evidence');
    showEvidence(evidence, !evidence.classList.contains('revealed'));
  }
  if (target.id === 'reveal-all') {
    // one click for every blurred item on the page; a second click blurs them again
    var shown = target.textContent === 'Show all';
    document.querySelectorAll('.evidence.sensitive').forEach(function (evidence) { showEvidence(evidence, shown); });
    target.textContent = shown ? 'Blur all' : 'Show all';
  }
  if (target.id === 'select-all') {
    document.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = target.checked; });
  }
});
