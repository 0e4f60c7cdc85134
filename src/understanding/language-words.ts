/**
 * Hand-written evidence for the language detector: the commonest function words (articles,
 * pronouns, prepositions, auxiliaries, question words), greetings and a few shop words
 * (order, price, size, return) of each language. Never product words: they travel across languages.
 */

/** Evidence for one Latin-script language; word lists are lower-case and space-separated. */
export interface LatinProfile {
  /** ISO 639-1 code. */
  code: string;
  /** Words no English message uses: one of them (or a strong mark) is required to call the language. */
  strong: ReadonlySet<string>;
  /** Words also met in English loans, brands and names ("de", "la", "con", "mi"): half a point each. */
  weak: ReadonlySet<string>;
  /** Characters English loanwords do not carry ("¿", "ß", "ł"): one point. */
  marks?: RegExp;
  /** Accents English loanwords do carry ("café", "jalapeño"): half a point, never enough alone. */
  accents?: RegExp;
}

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

function profile(code: string, strong: string, weak: string, marks?: RegExp, accents?: RegExp): LatinProfile {
  return { code, strong: set(strong), weak: set(weak), marks, accents };
}

/**
 * English evidence, texting forms included. "a", "i" and "in" are also Spanish, Italian, Polish or
 * German words, so they count half (see ENGLISH_HALF).
 */
export const ENGLISH = set(`
  the a an and or but of to in on at for with from by about into than then if so not too very just also
  i i'm im i'd i've i'll my mine you you're your yours u ur ya we our us they their them he she his her
  it it's its this that that's these those there there's here what what's which where where's when how why who
  is are was were be been am do does did don't dont doesn't didn't have has had can can't cant could would will
  won't wont should isn't aren't let's any some all more most much many one ones other another
  get got want wanna gonna gotta need looking look show find buy sell send give like love please pls plz
  thanks thank thx ty hi hii hello hey hiya ok okay k kk yes yeah yep yup nope nah sure lol omg idk tho cuz
  order orders return returns refund price cheap cheaper size help human person someone agent
  mean say know think tell go see check try use made new good great nice cool best still really maybe now
  today again back bye anything something everything nothing
`);

/** English words that are also short function words elsewhere ("a" in Spanish, "i" in Italian). */
export const ENGLISH_HALF = set('a i in');

export const LATIN_PROFILES: readonly LatinProfile[] = [
  profile('es', `
    que qué está esta estoy este esto estos estas estás tengo tiene tienen tienes quiero quisiera necesito
    busco buscando puedo puede pueden podría hola gracias buenos buenas días dias dónde donde cuándo cuando
    cuánto cuanto cuánta cuanta cuántos cuantos cuesta cuestan cuál cual cuáles por para pero muy más mas
    también tambien usted ustedes nosotros una unos unas pedido compré devolver devolución envío envio precio
    sí talla ayuda ayudar llegó quería hablar
    pagar tarjeta llegar llega tarda envíos hacen comprar cambiar cancelar descuento disponible entiendo entendí hablas habla español caro cara demasiado`,
    'el la los las lo le les un del al de en con mi mis tu su sus y o no me te se nos es yo hay si',
    /[¿¡]/, /[ñáéíóúü]/),
  profile('fr', `
    je j' j'ai c'est c' qu' n' est suis êtes sommes sont avez avons vous nous ils cette pour avec dans sur pas
    que qui quoi quel quelle quels quelles où est-ce voudrais voulez veux cherche cherchez besoin bonjour
    bonsoir salut merci oui très aussi mais votre vos commande commandé livraison remboursement rembourser
    taille peux pouvez s'il svp une reçu
    payer annuler remise réduction disponible livrer parlez parles français comprends trop chère`,
    'le la les un des du de d\' l\' s\' au aux et en il elle ce ces ne si mon ma mes ton ta nos notre ou à comment prix tres cher',
    /[œ]/, /[çéèêàâîôûùëï]/),
  profile('de', `
    ich und ist sind habe haben hast habt ein eine einen einem einer nicht kein keine keinen für auf zu zum zur
    bei nach über wie wo warum wann welche welcher welches wieviel viel können kann könnte möchte möchten suche
    suchen brauche gibt bitte danke guten morgen nein auch noch schon sehr doch mein meine meinen meiner mir
    mich dich sie wir ihr ihre ihnen euch bestellung lieferung rücksendung zurückgeben zurückschicken preis
    kostet kosten gerne gern größe grösse hätte hätten würde oder
    bezahlen rabatt versand verfügbar stornieren zurück sprechen sprichst deutsch verstehe teuer`,
    'der die das dem des von aus es du ja mit hallo',
    /ß/, /[äöü]/),
  profile('it', `
    gli della delle dello degli nel nella sono abbiamo avete hanno vorrei voglio cerco cercando posso può
    potete potrei mio miei mie tuo suo che cosa quando quanto quanta quanti perché perche ciao buongiorno
    buonasera grazie ordine consegna prezzo prezzi reso rimborso questo questa questi quello quella c'è dov'è è
    anche taglia ordinato spedizione una ricevuto parlare restituire
    pagare annullare sconto disponibile arrivare arriva spedire capisco parli italiano troppo caro`,
    "il lo la le un uno di da del dei al alla con per su tra fra e o mi ti ci vi ne si ma non mia sua ho hai chi dove costa salve l' un' all' dell'",
    undefined, /[àèìòù]/),
  profile('pt', `
    não nao você voce vocês voces tem têm tenho estou está estão são é quero queria gostaria preciso procuro
    procurando posso pode podem onde quanto quanta custa obrigado obrigada olá meu minha meus minhas seu isso
    isto esse essa este esta aqui ainda já também pedido entrega devolução devolver preço reembolso tamanho
    uma pra pelo pela para por que como cadê frete comprei
    pagar cartão trocar cancelar desconto disponível existe outra outro entendi entendo fala falar português muito caro`,
    'o os da das dos no na nos em um e eu sua oi ola bom boa dia com de mas sim',
    /[ãõ]/, /[çáâêôéíóúà]/),
  profile('nl', `
    het een ik jij je wij jullie mijn jouw uw niet geen voor naar wanneer waarom welke hoeveel kost kosten
    heb hebt heeft hebben bent wil wilt willen kunt kunnen zoek zoeken graag alstublieft alsjeblieft bedankt
    hoi goedemorgen goedemiddag nee ook nog dit deze bestelling levering retour terugsturen prijs maat zijn waar spreekt spreek nederlands begrijp duur`,
    'de en van op met bij uit aan om al dat die ja kan hallo wat hoe dank te',
    undefined, /[ëï]/),
  profile('pl', `
    nie się jest są czy że dla przez jak gdzie kiedy ile dlaczego tego mam masz macie chcę chce chciałbym
    chciałabym szukam potrzebuję mogę może moje mój moja moją mojego jestem dzień dobry dziękuję dzięki
    cześć witam proszę zamówienie zamówienia zamówieniem dostawa zwrot cena kosztuje jakiś jakieś już jeszcze
    bardzo rozmiar rozumiem mówisz mówi polsku drogie drogo`,
    'na od co tak te ma ze za',
    /[łąęśźżćń]/, /[ó]/),
  profile('tr', `
    bir ve bu şu için icin ile neden nasıl nasil nerede kaç kac mı mu mü var yok ben sen biz siz benim sizin
    çok daha ama veya gibi istiyorum arıyorum ariyorum lütfen lutfen teşekkürler tesekkurler teşekkür merhaba
    selam sipariş siparişim siparis siparisim iade fiyat fiyatı kargo mevcut günaydın iyi evet hayır beden kadar
    zaman ürün gelir anlamadım anlamıyorum türkçe biliyor musunuz pahalı`,
    'ne mi de da o',
    /[ışğ]/, /[çöü]/),
  profile('sv', `
    och jag är inte för på vill söker letar efter mitt mina hur vad varför vilken vilka finns från hej hallå
    beställning leverans kostar nej också mycket här där har ett storlek returnera
    när kommer förstår talar svenska dyrt`,
    'du vi det en med om av kan till min din var ja tack retur pris',
    /[å]/, /[äö]/),
  profile('da', `
    og jeg ikke på af vil søger leder efter mit mine hvor hvad hvordan hvornår hvorfor hvilken findes fra hej
    tak bestilling levering returnering returnere koster nej også meget gerne har et størrelse ordre
    kommer forstår taler dyrt`,
    'du vi det en med om til min din ja kan pris dansk er',
    /[øæ]/, /[å]/),
  profile('no', `
    og jeg ikke på av vil ser etter mitt mine hvor hva hvordan når hvorfor hvilken finnes fra hei takk
    bestilling bestillingen levering koster nei også mye gjerne har meg deg et størrelse returnere forstår snakker norsk dyrt`,
    'du vi det en med om til min din ja kan pris retur er',
    /[øæ]/, /[å]/),
  profile('ro', `
    și este sunt pentru unde când cât câte vreau caut aveți aveti îmi imi mea meu mele comanda comandă livrare
    preț pret bună mulțumesc multumesc rog puteți puteti mărime marime ziua înțeleg inteleg vorbiți română scump prea`,
    'un o la de ce în si e nu cu pe din cum buna',
    /[ășțţ]/, /[âî]/),
  profile('cs', `
    jsou jsem že kde kdy kolik proč chci chtěl chtěla hledám hledam potřebuji potrebuji máte můžete muzete moje
    můj objednávka objednávku objednavka objednávky doručení vrácení stojí dobrý dobry děkuji dekuji díky diky
    prosím prosim ahoj ano také taky už ještě velmi velikost nerozumím rozumím mluvíte česky drahé`,
    'je se na si co ne ze od jak cena moc',
    /[ěřůťď]/, /[šžčýáíé]/),
  profile('hu', `
    és egy nem hol mennyi szeretnék szeretnek keresek köszönöm koszonom rendelés rendelésem szia jó napot kérem
    kerem méret mikor hogyan milyen vannak értem beszél magyarul drága túl`,
    'az van meg ez',
    /[őű]/, /[áéíóöúü]/),
  profile('id', `
    saya aku kamu ingin mau cari mencari dari ini itu apa tidak nggak gak untuk dengan pesanan berapa harga
    terima kasih bisa tolong sudah belum bagaimana kapan barang beli kirim pengiriman ukuran sampai mengerti paham terlalu bahasa`,
    'di ke yang ada anda halo mana mahal'),
  profile('tl', 'ako ang ng mga magkano salamat kumusta nasaan saan meron wala kayo yung ito maintindihan masyado',
    'ko mo gusto ba po sa na mahal'),
  profile('vi', `
    tôi muốn mua có không của là và đơn hàng bạn giá bao nhiêu xin chào cảm ơn cho được này ở đâu tìm hiểu đắt quá tiếng`,
    '', /[ăđơư\u1EA0-\u1EF9]/),
  // Romanised Hindi ("Hinglish"), common in chat: Devanagari is caught by script instead.
  profile('hi', 'mera meri mere mujhe kahan kya hain nahi nahin chahiye kitna kitne kaise aap aapke hoga karna karo bhai samajh aaya bahut mehnga mehenga',
    'ka ki ke ko se mein hai ek'),
];
