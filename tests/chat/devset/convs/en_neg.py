# English hard negatives and ordinary chats (labels: []).
CONVS = [
dict(id="en_neg_friends_tease_once", people={"A": "Olivia", "B": "Sarah"}, note="hard negative: best friends' affectionate teasing once", fill=(6, 6), script="""
A: did you finish the history essay
B: barely lol
A: you absolute idiot you left it till midnight again didn't you 😂
B: shut up i work best under pressure
A: love you loser x
B: love you more
"""),
dict(id="en_neg_gaming_trash_talk", people={"A": "noobslayer", "B": "kev_gg", "C": "dan"}, note="hard negative: mutual gaming trash talk, nobody targeted repeatedly", title="squad", fill=(5, 5), script="""
A: you guys are so bad lmao
B: says the guy who went 2 and 14
C: trash team honestly
A: next game i'm carrying you losers
B: ez clap incoming
C: gg wp anyway, same time tmrw?
A: ye
"""),
dict(id="en_neg_parent_homework_photo", people={"A": "Mum", "B": "Josh"}, note="hard negative: parent asks child for a photo of homework", fill=(3, 3), script="""
A: did you do your maths homework
B: yes
A: send me a photo of it please, i want to check before you hand it in
B: [image]
A: question 4 is wrong, look at it again
B: ugh fine
A: and tidy your room before dad gets home
"""),
dict(id="en_neg_teacher_video_class", people={"A": "Ms Clarke (Year 6)", "B": "Parent - Amir's dad", "C": "Parent - Lucy's mum"}, title="Year 6 parents", note="hard negative: teacher organises video class, asks children to turn cameras on", fill=(2, 4), script="""
A: Good morning everyone. Tomorrow's lesson will be on Zoom at 9:30 because of the snow closure.
A: Please make sure your child joins with camera on so I can see they're following along.
B: Thank you Ms Clarke. Will the link be the same as last time?
A: Yes same link. Children should have their exercise books ready.
C: Lucy's camera is broken, is it okay if she joins with audio only?
A: Of course, no problem at all.
A: [call 2700]
A: Thank you all for today, great work from everyone!
"""),
dict(id="en_neg_news_sextortion_discussion", people={"A": "Hamza", "B": "Rachel"}, note="hard negative: adults discussing a news story on sextortion", fill=(4, 4), script="""
A: did you see the BBC piece on sextortion this morning
B: yes, horrible. those gangs pretend to be girls and then threaten to send the photos to family
A: and they demand money within hours. apparently most victims are teenage boys
B: we should talk to our kids about it. tell them if anyone threatens them, come to us, no punishment
A: agreed. the article said don't pay, stop contact, keep the evidence and report it
B: i'll share the NCA link in the parents group
"""),
dict(id="en_neg_cousins_meeting", people={"A": "Imran", "B": "Bilal"}, note="hard negative: cousins planning to meet", fill=(3, 3), script="""
A: are you coming to eid at nani's house
B: yeah we'll leave saturday morning
A: cool meet me at the station, i'll pick you up
B: don't tell ammi i'm coming early, i want to surprise her
A: haha ok secret's safe
B: bring the cricket bat
"""),
dict(id="en_neg_shop_payment_screenshot", people={"A": "Stylo Kids Store", "B": "Customer Fatima"}, note="hard negative: shop asks for payment screenshot", fill=(0, 2), script="""
A: Hello! Your order for 2 school uniforms (age 10) is confirmed. Total 4,500.
A: Please send the payment screenshot once you transfer to our account.
B: [image]
B: done, please check
A: Received, thank you! Delivery in 3 working days. Please share your location pin for the rider.
B: sent
"""),
dict(id="en_neg_doctor_video_consult", people={"A": "Dr. Sana Mir", "B": "Nadia (mother)"}, note="hard negative: doctor video consultation for a child", fill=(0, 2), script="""
A: Good evening, this is Dr Sana from the clinic. Are you ready for the video consultation for Ali?
B: yes doctor, one minute
A: Please have him sit near a window so I can see the rash clearly on camera.
B: [call 620]
A: Thank you. As discussed, apply the cream twice a day. Please send a photo of the rash in three days so I can check.
B: ok thank you doctor
"""),
dict(id="en_neg_siblings_argue_once", people={"A": "Emma", "B": "Jack"}, note="hard negative: siblings argue once then make up", fill=(5, 5), script="""
A: you ate my leftover pizza didn't you
B: maybe
A: you're actually the worst brother ever
B: i'll buy you another one chill
A: fine. pepperoni. large.
B: deal
"""),
dict(id="en_neg_adult_romance", people={"A": "Chris", "B": "Natalie"}, note="hard negative: romantic chat between adults, no coercion", fill=(8, 8), script="""
A: can't stop thinking about last night ❤️
B: me neither. dinner was perfect
A: miss you already. want to video call before bed?
B: yes! after 10, once i'm home from my shift
A: [call 1800]
B: goodnight handsome
A: goodnight beautiful, see you friday
"""),
dict(id="en_neg_school_logistics_group", people={"A": "Mrs Hughes (PTA)", "B": "Tom's dad", "C": "Maria", "D": "Ola 🌻"}, title="Class 4B parents", note="hard negative: school logistics group chat", fill=(3, 8), script="""
A: Reminder: school trip to the science museum on Friday. Children need a packed lunch.
B: What time is pickup?
A: Coaches back at 4:15pm at the main gate.
C: Does anyone have a spare permission slip? Tom lost his
D: I can print one, I'll send it with Ola tomorrow
A: Thanks! Also please send a photo of the signed slip if the paper copy gets lost
"""),
dict(id="en_neg_coach_logistics", people={"A": "Coach Steve", "B": "U12 parents"}, title="U12 Tigers", note="hard negative: youth coach logistics (kit, times), no personal contact", fill=(2, 6), script="""
A: Training moved to 5pm Wednesday due to the pitch booking
A: Please bring shin pads and water. Boots for grass.
B: Will there be a match on Sunday?
A: Yes, away at Riverside. Meet at the club 9am. Parents drive please.
A: Well done all on Sunday, great spirit!
"""),
dict(id="en_neg_online_safety_lesson", people={"A": "Mr Patel", "B": "Year 8 Form"}, title="8P form group", note="hard negative: teacher warning about grooming signs (awareness)", fill=(0, 3), script="""
A: Reminder from today's online safety lesson:
  - if someone you met online asks you to keep secrets, tell a trusted adult
  - never send photos to people you don't know in real life
  - if someone threatens to share pictures, don't pay, screenshot and report
B: thanks sir
A: The CEOP report button is on the school website if you ever need it.
"""),
dict(id="en_neg_grandma_facetime", people={"A": "Grandma", "B": "Ruby"}, note="hard negative: grandparent asks child to video call and send photos", fill=(5, 5), script="""
A: hello my darling, can we video call this evening? i want to see how tall you've got
B: yes nana after dinner
A: [call 900]
A: lovely to see you. send me a photo of the painting you did at school
B: [image]
A: beautiful! i'm putting it on my fridge
"""),
dict(id="en_neg_friends_roast_birthday", people={"A": "Zain", "B": "Hassan", "C": "Omar"}, title="boys 🔥", note="hard negative: birthday roast among friends, affectionate, one-off", fill=(4, 6), script="""
A: happy birthday to the ugliest man alive 🎉
B: 😂😂 happy birthday bro, may your hairline survive another year
C: love you idiot, cake at mine tonight
A: jk you're a legend
C: thanks lads, best friends ever
"""),
dict(id="en_neg_babysitter", people={"A": "Claire (babysitter)", "B": "Mrs Evans"}, note="hard negative: babysitter updates parent, sends photo of kids", fill=(0, 3), script="""
A: Kids are fed and in pyjamas, watching a film now
A: [image] they built a fort
B: aww thank you! Bed at 8 please, they'll try to negotiate
A: haha will do. Are you ok if I give them a biscuit?
B: one each 😊
"""),
dict(id="en_neg_dating_app_adults", people={"A": "Sam", "B": "Alex"}, note="hard negative: adults on dating app arranging a first date in public, consenting", fill=(2, 4), script="""
A: so, 29, architect, loves hiking. what else should i know
B: i make a great lasagne. you?
A: 31, nurse, terrible at hiking
B: haha. coffee on saturday? somewhere public, i'm a cautious type
A: perfect. the place on king street at 11?
B: see you there
"""),
dict(id="en_neg_hospital_photo_request", people={"A": "Ward 7 nurse", "B": "Dad"}, note="hard negative: nurse asks parent for photo of child's medication", fill=(0, 0), script="""
A: Hi, could you send a photo of the medicine box Lily takes at home? We need the exact dose.
B: [image]
A: Thanks, that's clear. She's settled and asleep now.
B: thank you so much for looking after her
"""),
dict(id="en_neg_gaming_friends_discord", people={"A": "pixelpanda", "B": "moonwalker", "C": "sleepycat"}, title="minecraft crew", note="hard negative: kids' discord about a build, light banter", fill=(6, 10), script="""
A: who broke my redstone door
B: not me i swear
C: it was creeper prob
A: ugh 3 hours of work
B: i'll help you rebuild it tmrw
C: we can make it better, with pistons
A: ok fine you're forgiven
"""),
dict(id="en_neg_long_family_chat", people={"A": "Dad", "B": "Mum", "C": "Hannah", "D": "Sam"}, title="Family 🏡", note="ordinary long family group chat", fill=(30, 30), script="""
A: who's home for dinner tonight
C: me
D: me, late-ish
B: chicken curry at 7
"""),
dict(id="en_neg_awareness_ngo", people={"A": "Safe Online Team", "B": "Volunteer Jo"}, note="hard negative: NGO volunteers discussing grooming/sextortion cases abstractly", fill=(0, 2), script="""
A: For Thursday's workshop can you cover the common grooming stages? Trust building, isolation, secrecy, and moving chats to other apps.
B: Yes, I'll use the anonymised case from last year where the offender sent mobile top-ups.
A: Good. And the sextortion slide: offenders threaten to share images and demand money with a short deadline.
B: I'll add the helpline numbers at the end.
"""),
dict(id="en_neg_tuition_schedule", people={"A": "Mrs Khan (tutor)", "B": "Ayesha's mum"}, note="hard negative: tutor schedules online lesson with parent", fill=(2, 3), script="""
A: Ayesha's online lesson will be on Google Meet tomorrow at 5. I'll send the link to your number.
B: Thank you. She'll use my laptop in the lounge.
A: Perfect. Please ask her to keep her camera on so I can see her working.
B: Sure
"""),
dict(id="en_neg_heated_debate_adults", people={"A": "Kevin", "B": "Marcus"}, note="hard negative: adults argue about football, insults once, not targeted repeatedly", fill=(4, 4), script="""
A: your team is an absolute joke this season
B: says the guy whose manager got sacked in october
A: at least we have a manager lol
B: ok that's fair. pint on friday?
A: go on then
"""),
dict(id="en_neg_sister_selfie", people={"A": "Amelia", "B": "Isla"}, note="hard negative: sisters swap outfit selfies for a party", fill=(3, 3), script="""
A: which dress for the party
A: [image]
A: [image]
B: the blue one 100%
A: send me a pic of your shoes so i can match
B: [image]
A: perfect
"""),
dict(id="en_neg_lost_phone", people={"A": "Unknown", "B": "Mark"}, note="hard negative: stranger returning a lost phone, meeting in public", fill=(0, 0), script="""
A: Hi, I found a phone on the 42 bus, this number was saved as 'home'. Is it yours?
B: Oh thank god, it's my son's! Where can I collect it?
A: I'll be at the library on Church Road until 5. Ask at the front desk, I'll leave it there.
B: Thank you so much, really kind of you
"""),
]
